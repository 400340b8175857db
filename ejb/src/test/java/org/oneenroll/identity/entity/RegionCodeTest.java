package org.oneenroll.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

class RegionCodeTest {

    @Test
    void knowsItsLevelAndParents() {
        RegionCode cut = RegionCode.of("620123");
        assertEquals(RegionLevel.COUNTY, cut.level());
        assertEquals(RegionCode.of("620100"), cut.city());
        assertEquals(RegionCode.of("620000"), cut.province());
        assertEquals(RegionLevel.CITY, cut.city().level());
        assertEquals(RegionLevel.PROVINCE, cut.province().level());
        assertTrue(cut.city().contains(cut));
        assertTrue(cut.province().contains(cut));
        assertFalse(RegionCode.of("620200").contains(cut));
    }

    @Test
    void saysWhatIsWrong() {
        assertEquals(
                "行政区划代码“62012”应为6位数字",
                assertThrows(InvalidValueException.class, () -> RegionCode.of("62012"))
                        .getMessage());
        assertEquals(
                "行政区划代码“990123”的省级部分“99”不存在",
                assertThrows(InvalidValueException.class, () -> RegionCode.of("990123"))
                        .getMessage());
    }
}
