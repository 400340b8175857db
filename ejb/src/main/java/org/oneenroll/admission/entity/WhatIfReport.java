package org.oneenroll.admission.entity;

import java.util.List;

/**
 * The difference a changed plan would make, for the officer to weigh before anything is published: per school
 * the seats, admitted counts and cut-offs that change, per child the school that changes.
 */
public record WhatIfReport(List<SchoolChange> schools, List<ChildChange> children) {

    public WhatIfReport {
        schools = List.copyOf(schools);
        children = List.copyOf(children);
    }

    /** A school whose seats, counts or cut-off differ; a school missing on one side shows zeros and nulls. */
    public record SchoolChange(
            String schoolCode,
            int seatsBefore,
            int seatsAfter,
            int admittedBefore,
            int admittedAfter,
            int reallocatedBefore,
            int reallocatedAfter,
            Priority cutoffBefore,
            Priority cutoffAfter) {}

    /** A child whose route or school differs; a child missing on one side has a null route there. */
    public record ChildChange(
            String childRef, Route routeBefore, String schoolBefore, Route routeAfter, String schoolAfter) {}
}
