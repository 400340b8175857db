package org.oneenroll.feedback.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

/** Online submissions without sign-in are limited per client address an hour and per phone number a day. */
class ConcernLimitsTest {

    static final Instant NOW = Instant.parse("2026-07-06T02:00:00Z");

    ConcernLimits cut = new ConcernLimits(3, 2);

    @Test
    void theAddressLimitSaysWhenToTryAgain() {
        List<Instant> hour = List.of(NOW.minusSeconds(3000), NOW.minusSeconds(600), NOW.minusSeconds(60));
        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> cut.check(hour, List.of(), NOW));
        assertEquals("form", refused.field());
        // The oldest of the three leaves the hour at 10:10 China time.
        assertEquals("同一网络1小时内最多提交3次，请于7月6日10:10后再试，或拨打咨询电话", refused.getMessage());
        cut.check(
                List.of(NOW.minus(Duration.ofMinutes(61)), NOW.minusSeconds(60), NOW.minusSeconds(30)), List.of(), NOW);
    }

    @Test
    void theNumberLimitIsShownAtThePhone() {
        List<Instant> day = List.of(NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofHours(2)));
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> cut.check(List.of(), day, NOW));
        assertEquals("phone", refused.field());
        assertEquals("feedback.limit.number", refused.messageKey());
        cut.check(List.of(), List.of(NOW.minus(Duration.ofHours(25)), NOW.minusSeconds(5)), NOW);
    }

    @Test
    void limitsBelowOneAreAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new ConcernLimits(0, 5));
        assertEquals(new ConcernLimits(5, 5), ConcernLimits.DEFAULT);
    }
}
