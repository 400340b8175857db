package org.oneenroll.web.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.oneenroll.policy.control.Coverage;

class CoverageTextTest {

    static final List<Coverage.Town> TOWNS = List.of(
            new Coverage.Town(
                    "620123100",
                    "城关镇",
                    List.of(
                            new Coverage.Community("东关社区", List.of("金城小区", "兴隆小区")),
                            new Coverage.Community("西关社区", List.of()))),
            new Coverage.Town("620123101", "夏官营镇", List.of(new Coverage.Community("李家庄村", List.of("一社", "二社")))));

    @Test
    void oneLinePerTownWithChinesePunctuation() {
        List<String> cut = CoverageText.lines(TOWNS, Bundles.ui(Locale.SIMPLIFIED_CHINESE));
        assertEquals(List.of("城关镇：东关社区（金城小区、兴隆小区）；西关社区", "夏官营镇：李家庄村（一社、二社）"), cut);
    }

    @Test
    void englishListsTheEnglishWay() {
        List<String> cut = CoverageText.lines(TOWNS.subList(0, 1), Bundles.ui(Locale.ENGLISH));
        assertEquals(List.of("城关镇: 东关社区 (金城小区, 兴隆小区); 西关社区"), cut);
    }
}
