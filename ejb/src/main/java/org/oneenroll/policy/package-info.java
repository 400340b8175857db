/**
 * What a county publishes for the year: schools, catchment zones, enrollment plans with their windows,
 * seats, category order, points scheme and lottery rule, the eligibility rules they imply, and the public texts that
 * explain them to parents (service guide, material list, FAQ, contacts).
 */
package org.oneenroll.policy;
