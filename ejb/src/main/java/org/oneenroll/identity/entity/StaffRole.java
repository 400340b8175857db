package org.oneenroll.identity.entity;

/**
 * What a staff member may do. The names are the security roles used in {@code @RolesAllowed} and in the
 * web tier; scope (which region or school) is on the account, not in the role.
 */
public enum StaffRole {
    PROVINCE_SUPERVISOR,
    CITY_SUPERVISOR,
    COUNTY_ADMIN,
    COUNTY_REVIEWER,
    SCHOOL_REVIEWER,
    COUNTER_STAFF,
    BATCH_OPERATOR;

    /** Role names as strings, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String PROVINCE_SUPERVISOR = "PROVINCE_SUPERVISOR";
        public static final String CITY_SUPERVISOR = "CITY_SUPERVISOR";
        public static final String COUNTY_ADMIN = "COUNTY_ADMIN";
        public static final String COUNTY_REVIEWER = "COUNTY_REVIEWER";
        public static final String SCHOOL_REVIEWER = "SCHOOL_REVIEWER";
        public static final String COUNTER_STAFF = "COUNTER_STAFF";
        public static final String BATCH_OPERATOR = "BATCH_OPERATOR";

        private Names() {}
    }
}
