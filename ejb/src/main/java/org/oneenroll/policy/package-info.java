/**
 * What a county publishes for the year: schools, catchment zones, enrollment plans with their windows,
 * seats, category order, points scheme and lottery rule, and the eligibility rules they imply.
 */
package org.oneenroll.policy;
