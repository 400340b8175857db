/** Screens of the intake context: the application wizard for parents and for counter entry (帮办). */
package org.oneenroll.web.intake;
