/**
 * Intake: enrollment cases (办件). A case is one child's application for one plan year and stage, opened
 * online by a guardian or at a counter (帮办); it carries the declaration, the guardian's authorisation for
 * the data checks (授权), its status and every status change with actor and time. Other contexts move a case
 * only through {@link org.oneenroll.intake.boundary.Cases}.
 */
package org.oneenroll.intake;
