package org.oneenroll.review.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.entity.ReviewScope.Level;
import org.oneenroll.review.entity.ReviewScope.Purpose;

/** Who sees which cases: derived from the account's roles, region and school, and never wider. */
class ReviewScopeTest {

    static final RegionCode YUZHONG = RegionCode.of("620123");
    static final RegionCode LANZHOU = RegionCode.of("620100");
    static final RegionCode GANSU = RegionCode.of("620000");

    ReviewScope cut;

    @Test
    void aCountyReviewerSeesTheCountyOnly() {
        cut = ReviewScope.of(
                "county.reviewer", EnumSet.of(StaffRole.COUNTY_REVIEWER), YUZHONG, null, List.of(), Purpose.DECIDE);
        assertEquals(Level.COUNTY, cut.level());
        assertTrue(cut.covers("620123", null));
        assertFalse(cut.covers("620102", "Z1"), "another county of the same city");
        assertFalse(cut.covers("621123", null));
        assertEquals("620123", cut.lowestCounty());
        assertEquals("620123", cut.highestCounty());
    }

    @Test
    void aSchoolReviewerSeesTheZonesOfTheirSchoolOnly() {
        cut = ReviewScope.of(
                "school.reviewer",
                EnumSet.of(StaffRole.SCHOOL_REVIEWER),
                YUZHONG,
                "S001",
                List.of("Z1", "Z2"),
                Purpose.DECIDE);
        assertEquals(Level.SCHOOL, cut.level());
        assertTrue(cut.covers("620123", "Z2"));
        assertFalse(cut.covers("620123", "Z3"), "a zone another school serves");
        assertFalse(cut.covers("620123", null), "a case with no zone yet is the county's");
        assertFalse(cut.covers("620102", "Z1"), "the same zone code in another county");
    }

    @Test
    void aSchoolReviewerWithoutASchoolIsRefused() {
        var e = assertThrows(
                InvalidValueException.class,
                () -> ReviewScope.of(
                        "s", EnumSet.of(StaffRole.SCHOOL_REVIEWER), YUZHONG, null, List.of(), Purpose.READ));
        assertTrue(e.getMessage().contains("未绑定学校"), e.getMessage());
    }

    @Test
    void supervisorsReadTheirCityOrProvinceButCannotDecide() {
        cut = ReviewScope.of("city", EnumSet.of(StaffRole.CITY_SUPERVISOR), LANZHOU, null, List.of(), Purpose.READ);
        assertEquals(Level.CITY, cut.level());
        assertEquals("620100", cut.lowestCounty());
        assertEquals("620199", cut.highestCounty());
        assertTrue(cut.covers("620123", null));
        assertFalse(cut.covers("620201", null), "嘉峪关 is another city");
        assertThrows(
                InvalidValueException.class,
                () -> ReviewScope.of(
                        "city", EnumSet.of(StaffRole.CITY_SUPERVISOR), LANZHOU, null, List.of(), Purpose.DECIDE));

        cut = ReviewScope.of("prov", EnumSet.of(StaffRole.PROVINCE_SUPERVISOR), GANSU, null, List.of(), Purpose.READ);
        assertEquals("620000", cut.lowestCounty());
        assertEquals("629999", cut.highestCounty());
        assertFalse(cut.covers("630102", null), "青海 is another province");
    }

    @Test
    void aCountyRoleOnACityAccountIsRefused() {
        assertThrows(
                InvalidValueException.class,
                () -> ReviewScope.of(
                        "x", EnumSet.of(StaffRole.COUNTY_REVIEWER), LANZHOU, null, List.of(), Purpose.READ));
    }

    @Test
    void rolesWithoutReviewGiveNoScope() {
        var e = assertThrows(
                InvalidValueException.class,
                () -> ReviewScope.of(
                        "counter.staff",
                        EnumSet.of(StaffRole.COUNTER_STAFF, StaffRole.BATCH_OPERATOR),
                        YUZHONG,
                        null,
                        List.of(),
                        Purpose.READ));
        assertTrue(e.getMessage().contains("没有审核或督导权限"), e.getMessage());
    }

    @Test
    void aSupervisorWhoAlsoReviewsDecidesOnlyInTheCounty() {
        var roles = EnumSet.of(StaffRole.CITY_SUPERVISOR, StaffRole.COUNTY_REVIEWER);
        RegionCode county = YUZHONG;
        assertEquals(
                Level.COUNTY,
                ReviewScope.of("x", roles, county, null, List.of(), Purpose.DECIDE)
                        .level());
    }

    @Test
    void drillingDownStaysInside() {
        cut = ReviewScope.of("prov", EnumSet.of(StaffRole.PROVINCE_SUPERVISOR), GANSU, null, List.of(), Purpose.READ);
        ReviewScope city = cut.narrowedTo("620100");
        assertEquals(Level.CITY, city.level());
        assertEquals("6201", city.regionPrefix());
        assertEquals(6, city.childPrefixLength());
        ReviewScope county = city.narrowedTo("620123");
        assertEquals(Level.COUNTY, county.level());
        assertEquals("620123", county.lowestCounty());
        var e = assertThrows(InvalidValueException.class, () -> city.narrowedTo("620201"));
        assertTrue(e.getMessage().contains("不在您的督导范围内"), e.getMessage());
        assertThrows(InvalidValueException.class, () -> cut.narrowedTo("630000"));
        assertThrows(InvalidValueException.class, () -> cut.narrowedTo("62012"), "malformed");
    }
}
