/**
 * Admission (录取): the engine that places approved children in schools. Student-proposing deferred
 * acceptance over the plan's priorities (zone, category tier, points, one verifiable lottery number per
 * child), then reallocation (调剂) to the nearest schools with seats left, an explanation for every child,
 * what-if comparisons and fair class assignment (阳光分班). Pure Java: it runs, and replays, without a
 * container or a database.
 */
package org.oneenroll.admission;
