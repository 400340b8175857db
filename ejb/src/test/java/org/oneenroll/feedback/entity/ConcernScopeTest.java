package org.oneenroll.feedback.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.oneenroll.feedback.entity.ConcernScope.Purpose;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.entity.InvalidValueException;

/** Who sees and handles which consultations and complaints, from the account's roles and region alone. */
class ConcernScopeTest {

    @Test
    void countyStaffHandleTheirCountyAndSupervisorsOnlyRead() {
        ConcernScope reviewer = ConcernScope.of(
                "county.reviewer", EnumSet.of(StaffRole.COUNTY_REVIEWER), RegionCode.of("620123"), Purpose.HANDLE);
        assertTrue(reviewer.handles());
        assertTrue(reviewer.covers("620123"));
        assertFalse(reviewer.covers("620102"));
        ConcernScope city = ConcernScope.of(
                "city.supervisor", EnumSet.of(StaffRole.CITY_SUPERVISOR), RegionCode.of("620100"), Purpose.READ);
        assertEquals("6201", city.regionPrefix());
        assertFalse(city.handles());
        assertTrue(city.covers("620123"));
        assertThrows(
                InvalidValueException.class,
                () -> ConcernScope.of(
                        "city.supervisor",
                        EnumSet.of(StaffRole.CITY_SUPERVISOR),
                        RegionCode.of("620100"),
                        Purpose.HANDLE));
    }

    @Test
    void anAdministratorWhoAlsoSupervisesActsInTheirCountyOnly() {
        EnumSet<StaffRole> both = EnumSet.of(StaffRole.COUNTY_ADMIN, StaffRole.PROVINCE_SUPERVISOR);
        assertEquals(
                "62",
                ConcernScope.of("x", both, RegionCode.of("620123"), Purpose.READ)
                        .regionPrefix());
        assertEquals(
                "620123",
                ConcernScope.of("x", both, RegionCode.of("620123"), Purpose.HANDLE)
                        .regionPrefix());
    }

    @Test
    void schoolReviewersAndCounterStaffHaveNoScope() {
        for (StaffRole role :
                EnumSet.of(StaffRole.SCHOOL_REVIEWER, StaffRole.COUNTER_STAFF, StaffRole.BATCH_OPERATOR)) {
            InvalidValueException e = assertThrows(
                    InvalidValueException.class,
                    () -> ConcernScope.of("someone", EnumSet.of(role), RegionCode.of("620123"), Purpose.READ));
            assertEquals("feedback.scope.none", e.messageKey());
        }
        assertThrows(
                InvalidValueException.class,
                () -> ConcernScope.of(
                        "misfiled", EnumSet.of(StaffRole.COUNTY_ADMIN), RegionCode.of("620100"), Purpose.HANDLE));
    }

    @Test
    void aSupervisorNarrowsOnlyInsideTheirRegion() {
        ConcernScope province = ConcernScope.of(
                "province.supervisor",
                EnumSet.of(StaffRole.PROVINCE_SUPERVISOR),
                RegionCode.of("620000"),
                Purpose.READ);
        assertEquals("6201", province.narrowedTo("620100").regionPrefix());
        assertEquals("620123", province.narrowedTo("620123").regionPrefix());
        InvalidValueException outside = assertThrows(InvalidValueException.class, () -> province.narrowedTo("630102"));
        assertTrue(outside.getMessage().contains("不在您的督导范围内"), outside.getMessage());
    }
}
