package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.control.Messages;

class AgeRuleTest {

    final AgeRule cut = new AgeRule();

    @Test
    void theThirtyFirstOfAugustIsTheCutOff() {
        assertTrue(cut.primary(LocalDate.of(2021, 8, 31), 2027).eligible());
        AgeRule.Verdict tooYoung = cut.primary(LocalDate.of(2021, 9, 1), 2027);
        assertFalse(tooYoung.eligible());
        assertEquals(
                "儿童须在2027年8月31日前（含）年满6周岁，该儿童出生于2021年9月1日，届时为5周岁",
                Messages.format(Messages.DEFAULT_LOCALE, tooYoung.messageKey(), tooYoung.arguments()));
    }

    @Test
    void lateStartersAreSentToACounterNotRefused() {
        AgeRule.Verdict v = cut.primary(LocalDate.of(2019, 5, 1), 2027);
        assertTrue(v.eligible());
        assertTrue(v.needsCounter());
    }

    @Test
    void juniorApplicantsGraduateThatYear() {
        assertTrue(cut.junior(2027, 2027).eligible());
        assertFalse(cut.junior(2026, 2027).eligible());
        assertFalse(cut.junior(null, 2027).eligible());
    }

    @Property
    void eligibleExactlyWhenSixByTheCutOff(
            @ForAll @IntRange(min = 0, max = 3_000) int daysBack, @ForAll @IntRange(min = 2024, max = 2035) int year) {
        LocalDate birth = LocalDate.of(year, 8, 31).minusDays(daysBack);
        boolean sixByCutOff = !birth.plusYears(6).isAfter(LocalDate.of(year, 8, 31));
        assertEquals(sixByCutOff, cut.primary(birth, year).eligible());
    }
}
