package org.oneenroll.admission.entity;

import java.io.Serializable;

/**
 * One school's line of a drawn round: seats, admitted in the main round, added by reallocation, seats left and
 * the cut-off in words (a "did not fill" text when every applicant got in).
 */
public record SchoolRow(
        String code,
        String name,
        boolean privateSchool,
        int seats,
        int admitted,
        int reallocated,
        int left,
        String cutoff)
        implements Serializable {}
