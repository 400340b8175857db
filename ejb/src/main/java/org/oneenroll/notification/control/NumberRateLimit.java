package org.oneenroll.notification.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * At most so many SMS to one number per hour and per day (carriers block senders that flood a number, and a
 * family should not get a burst of messages): given the times of the number's recent messages, when the next
 * may go.
 */
public record NumberRateLimit(int perHour, int perDay) {

    public static final NumberRateLimit DEFAULT = new NumberRateLimit(5, 10);

    public NumberRateLimit {
        if (perHour < 1 || perDay < perHour) {
            throw new IllegalArgumentException("need 1 <= per hour <= per day");
        }
    }

    /**
     * Empty if a message may go at {@code now}; else the first moment it may.
     *
     * @param recent the sending times of the number's messages in the last day, any order
     */
    public Optional<Instant> nextAllowed(List<Instant> recent, Instant now) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant dayAgo = now.minus(Duration.ofDays(1));
        List<Instant> inDay =
                recent.stream().filter(t -> t.isAfter(dayAgo)).sorted().toList();
        List<Instant> inHour = inDay.stream().filter(t -> t.isAfter(hourAgo)).toList();
        Instant next = now;
        if (inHour.size() >= perHour) {
            // when the oldest message that keeps the hour full leaves the window
            next = max(next, inHour.get(inHour.size() - perHour).plus(Duration.ofHours(1)));
        }
        if (inDay.size() >= perDay) {
            next = max(next, inDay.get(inDay.size() - perDay).plus(Duration.ofDays(1)));
        }
        return next.equals(now) ? Optional.empty() : Optional.of(next);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
