package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTest {

    static final Map<String, String> TOWNS = Map.of("620123100", "城关镇", "620123101", "夏官营镇");

    @Test
    void unitsAreGroupedByTownInCodeOrderThenCommunityThenCompound() {
        List<Coverage.Town> cut = Coverage.of(
                List.of(
                        "620123101/李家庄村/十社",
                        "620123100/西关社区",
                        "620123101/李家庄村/二社",
                        "620123100/东关社区/兴隆小区",
                        "620123101/李家庄村/一社",
                        "620123100/东关社区/金城小区"),
                TOWNS);

        assertEquals(
                List.of(
                        new Coverage.Town(
                                "620123100",
                                "城关镇",
                                List.of(
                                        new Coverage.Community("东关社区", List.of("金城小区", "兴隆小区")),
                                        new Coverage.Community("西关社区", List.of()))),
                        new Coverage.Town(
                                "620123101",
                                "夏官营镇",
                                List.of(new Coverage.Community("李家庄村", List.of("一社", "二社", "十社"))))),
                cut);
    }

    @Test
    void aTownMissingFromTheListIsShownByItsCode() {
        List<Coverage.Town> cut = Coverage.of(List.of("620123199/新村/一社"), TOWNS);
        assertEquals("620123199", cut.get(0).name());
    }

    @Test
    void numbersAreReadAsNumbers() {
        assertEquals(1, Coverage.leadingNumber("一社"));
        assertEquals(10, Coverage.leadingNumber("十社"));
        assertEquals(12, Coverage.leadingNumber("十二社"));
        assertEquals(20, Coverage.leadingNumber("二十社"));
        assertEquals(105, Coverage.leadingNumber("一百零五号院"));
        assertEquals(3, Coverage.leadingNumber("3号院"));
        assertEquals(-1, Coverage.leadingNumber("兴隆小区"));
    }
}
