package org.oneenroll.feedback.control;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Settings;
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
    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("M月d日HH:mm").withZone(Clocks.SHANGHAI);

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
        List<Instant> address = within(fromAddress, now, Duration.ofHours(1));
        if (address.size() >= perAddressHour) {
            throw new InvalidValueException(
                    "form",
                    "feedback.limit.address",
                    perAddressHour,
                    UNTIL.format(address.get(address.size() - perAddressHour).plus(Duration.ofHours(1))));
        }
        List<Instant> number = within(forNumber, now, Duration.ofDays(1));
        if (number.size() >= perNumberDay) {
            throw new InvalidValueException(
                    "phone",
                    "feedback.limit.number",
                    perNumberDay,
                    UNTIL.format(number.get(number.size() - perNumberDay).plus(Duration.ofDays(1))));
        }
    }

    private static List<Instant> within(List<Instant> times, Instant now, Duration window) {
        Instant from = now.minus(window);
        return times.stream()
                .filter(t -> t.isAfter(from) && !t.isAfter(now))
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
