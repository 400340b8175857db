/**
 * Screens of the intake context: the application wizard for parents and for counter entry (帮办), and parents' own
 * screens: their cases, a case's status page (where it is, what the checks found, what to do next) and its printable
 * receipt, through {@code FamilyCases}; the receipt also for counter staff.
 */
package org.oneenroll.web.intake;
