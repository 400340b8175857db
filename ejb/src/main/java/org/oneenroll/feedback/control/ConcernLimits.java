package org.oneenroll.feedback.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.control.SlidingWindows;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * How often families may submit online without signing in: a public form is where queues get flooded, so one client
 * address gets a few submissions an hour and one phone number a few a day (the number is typed, not proven, and
 * whoever it belongs to would be called back). Staff logging calls are not limited. Each limit is a setting
 * ({@code oneenroll.feedback.*}) with the default in {@link #DEFAULT}.
 *
 * @param perAddressHour submissions from one client address in any hour
 * @param perNumberDay   submissions giving one phone number in any 24 hours
 */
public record ConcernLimits(int perAddressHour, int perNumberDay) {

    public static final ConcernLimits DEFAULT = new ConcernLimits(5, 5);

    static final String PREFIX = "oneenroll.feedback.";

    public ConcernLimits {
        if (perAddressHour < 1 || perNumberDay < 1) {
            throw new IllegalArgumentException("feedback limits out of range: " + perAddressHour + "/h per address, "
                    + perNumberDay + "/d per number");
        }
    }

    /** The limits of this installation: the settings where given, else {@link #DEFAULT}. */
    public static ConcernLimits fromSettings() {
        return new ConcernLimits(
                number("per-address-hour", DEFAULT.perAddressHour), number("per-number-day", DEFAULT.perNumberDay));
    }

    private static int number(String name, int fallback) {
        return Settings.value(PREFIX + name).map(Integer::parseInt).orElse(fallback);
    }

    /**
     * Refuses a submission at {@code now} when a limit is reached, saying in Chinese when the next one is possible.
     *
     * @param fromAddress when the client address submitted in the last hour, any order
     * @param forNumber   when items giving the phone number were submitted online in the last day, any order
     * @throws InvalidValueException field {@code phone} for the number's limit, {@code form} for the address's
     */
    public void check(List<Instant> fromAddress, List<Instant> forNumber, Instant now) {
        Optional<Instant> address = SlidingWindows.full(fromAddress, now, Duration.ofHours(1), perAddressHour);
        if (address.isPresent()) {
            throw new InvalidValueException(
                    "form", "feedback.limit.address", perAddressHour, SlidingWindows.UNTIL.format(address.get()));
        }
        Optional<Instant> number = SlidingWindows.full(forNumber, now, Duration.ofDays(1), perNumberDay);
        if (number.isPresent()) {
            throw new InvalidValueException(
                    "phone", "feedback.limit.number", perNumberDay, SlidingWindows.UNTIL.format(number.get()));
        }
    }
}
