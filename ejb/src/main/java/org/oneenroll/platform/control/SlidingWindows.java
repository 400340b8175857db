package org.oneenroll.platform.control;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of "at most {@code max} in any {@code window}" limits (sign-in codes, consultations and complaints):
 * which earlier events still count, and when the next one is allowed, as people read it in a refusal.
 */
public final class SlidingWindows {

    /** "11月22日14:05", Beijing time: when a refused family may try again. */
    public static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("M月d日HH:mm").withZone(Clocks.SHANGHAI);

    private SlidingWindows() {}

    /** The times in the window before {@code now} (after {@code now - window}, not after {@code now}), oldest first. */
    public static List<Instant> within(List<Instant> times, Instant now, Duration window) {
        Instant from = now.minus(window);
        return times.stream()
                .filter(t -> t.isAfter(from) && !t.isAfter(now))
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    /**
     * When one more event is allowed, if {@code max} events already fall in the window before {@code now}: the moment
     * the oldest of the last {@code max} leaves it. Empty when one more is allowed now.
     */
    public static Optional<Instant> full(List<Instant> times, Instant now, Duration window, int max) {
        List<Instant> counted = within(times, now, window);
        return counted.size() < max
                ? Optional.empty()
                : Optional.of(counted.get(counted.size() - max).plus(window));
    }
}
