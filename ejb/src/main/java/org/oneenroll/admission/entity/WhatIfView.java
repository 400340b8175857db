package org.oneenroll.admission.entity;

import java.io.Serializable;
import java.util.List;

/** The difference a what-if would make, in words for the console: per school and per child. Nothing is stored. */
public record WhatIfView(List<SchoolDiff> schools, List<ChildDiff> children, int childrenMoved)
        implements Serializable {

    public WhatIfView {
        schools = List.copyOf(schools);
        children = List.copyOf(children);
    }

    /** A school whose seats, counts or cut-off differ. */
    public record SchoolDiff(
            String code,
            String name,
            int seatsBefore,
            int seatsAfter,
            int admittedBefore,
            int admittedAfter,
            int reallocatedBefore,
            int reallocatedAfter,
            String cutoffBefore,
            String cutoffAfter)
            implements Serializable {}

    /** A child whose result differs: before and after in words. */
    public record ChildDiff(String caseNumber, String before, String after) implements Serializable {}
}
