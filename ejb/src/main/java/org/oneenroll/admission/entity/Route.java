package org.oneenroll.admission.entity;

/** How a child came by a seat, or did not. */
public enum Route {
    /** Admitted at one of the schools the family chose. */
    CHOICE,
    /** Admitted at a school of the home zone the family did not list (就近入学 fallback). */
    ZONE_SCHOOL,
    /** Placed by reallocation (调剂) at the nearest school with a seat left. */
    REALLOCATED,
    /** Still without a seat: listed for follow-up with the reason. */
    UNPLACED
}
