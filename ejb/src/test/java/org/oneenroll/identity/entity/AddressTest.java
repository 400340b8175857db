package org.oneenroll.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

class AddressTest {

    static final RegionCode YUZHONG = RegionCode.of("620123");

    @Test
    void theUnitKeyIsWhatZonesAreDrawnOver() {
        Address cut = Address.of(YUZHONG, "620123100", "东关社区", "兴隆小区", "3号楼", "2单元501");
        assertEquals("620123100/东关社区/兴隆小区", cut.unitKey());
        assertEquals("东关社区兴隆小区3号楼2单元501", cut.line());
        Address village = Address.of(YUZHONG, "620123101", "夏官营村", " ", null, null);
        assertNull(village.compound());
        assertEquals("620123101/夏官营村", village.unitKey());
    }

    @Test
    void refusesATownOfAnotherCountyAndAMissingCommunity() {
        assertEquals(
                "乡镇（街道）代码“620102001”不属于区县“620123”",
                assertThrows(
                                InvalidValueException.class,
                                () -> Address.of(YUZHONG, "620102001", "东关社区", null, null, null))
                        .getMessage());
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> Address.of(YUZHONG, "620123100", "", null, null, null));
        assertEquals("community", e.field());
        assertEquals("请填写社区（村）", e.getMessage());
        assertEquals(
                "“620100”是市级区划，此处需要县级区划",
                assertThrows(
                                InvalidValueException.class,
                                () -> Address.of(RegionCode.of("620100"), "620123100", "东关社区", null, null, null))
                        .getMessage());
    }
}
