package org.oneenroll.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;

class CatchmentZoneTest {

    static final RegionCode YUZHONG = RegionCode.of("620123");
    static final Address TOWN_SEAT = Address.of(YUZHONG, "620123100", "东关社区", null, null, null);

    final CatchmentZone cut = new CatchmentZone("620123-P-01", "城关第一小学学区", YUZHONG, Stage.PRIMARY);

    @Test
    void coversTheAddressUnitsItWasDrawnOver() {
        cut.addUnit(Address.of(YUZHONG, "620123100", "东关社区", "兴隆小区", null, null).unitKey());
        assertTrue(cut.covers(Address.of(YUZHONG, "620123100", "东关社区", "兴隆小区", "3号楼", "501")));
        assertFalse(cut.covers(Address.of(YUZHONG, "620123100", "东关社区", "金城小区", "1号楼", "101")));
    }

    @Test
    void onlyPublicSchoolsOfTheCountyTeachingTheStageServeIt() {
        School publicPrimary = new School(
                "6201231001",
                "榆中县城关第一小学",
                SchoolOwnership.PUBLIC,
                TOWN_SEAT,
                null,
                List.of(new SchoolCapacity(Stage.PRIMARY, 270, 6)));
        cut.addSchool(publicPrimary);
        assertEquals(1, cut.schools().size());
        School privateSchool = new School(
                "6201231009",
                "榆中县启明民办学校",
                SchoolOwnership.PRIVATE,
                TOWN_SEAT,
                null,
                List.of(new SchoolCapacity(Stage.PRIMARY, 90, 2)));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> cut.addSchool(privateSchool));
        assertEquals("“榆中县启明民办学校”不能服务片区“城关第一小学学区”：片区只能由本县开设该学段的公办学校服务", e.getMessage());
        School junior = new School(
                "6201232001",
                "榆中县第二中学",
                SchoolOwnership.PUBLIC,
                TOWN_SEAT,
                null,
                List.of(new SchoolCapacity(Stage.JUNIOR, 450, 9)));
        assertThrows(InvalidValueException.class, () -> cut.addSchool(junior));
    }

    @Test
    void aSchoolCodeMustBeLettersOrDigits() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> new School(
                        "62-01",
                        "某学校",
                        SchoolOwnership.PUBLIC,
                        TOWN_SEAT,
                        null,
                        List.of(new SchoolCapacity(Stage.PRIMARY, 1, 1))));
        assertEquals("学校代码“62-01”应为4到16位字母或数字", e.getMessage());
    }
}
