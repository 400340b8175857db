package org.oneenroll.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {

    static final Instant NOW = Instant.parse("2027-07-01T02:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);

    @Test
    void anEventExactlyOneWindowAgoNoLongerCountsOneInTheFutureDoesNot() {
        List<Instant> times = List.of(NOW.minus(HOUR), NOW.minusSeconds(1), NOW.plusSeconds(1), NOW);

        assertEquals(List.of(NOW.minusSeconds(1), NOW), SlidingWindows.within(times, NOW, HOUR));
    }

    @Test
    void whenFullTheNextIsAllowedAsTheOldestOfTheLastMaxLeavesTheWindow() {
        List<Instant> times = List.of(NOW.minusSeconds(600), NOW.minusSeconds(3000), NOW.minusSeconds(1200));

        assertEquals(Optional.empty(), SlidingWindows.full(times, NOW, HOUR, 4));
        assertEquals(Optional.of(NOW.minusSeconds(1200).plus(HOUR)), SlidingWindows.full(times, NOW, HOUR, 2));
        assertEquals(Optional.of(NOW.minusSeconds(3000).plus(HOUR)), SlidingWindows.full(times, NOW, HOUR, 3));
    }

    @Test
    void theRefusalSaysWhenInBeijingTime() {
        assertEquals("7月1日10:05", SlidingWindows.UNTIL.format(NOW.plusSeconds(300)));
    }
}
