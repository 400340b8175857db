package org.oneenroll.identity.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.control.SlidingWindows;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * How often a sign-in code may be asked for and tried: SMS cost money and a flood of codes is how numbers are
 * harassed, so a number gets one code a minute, a few an hour and a day, and one network address a limited number
 * an hour. Each limit is a setting ({@code oneenroll.parent-login.*}) with the default named in {@link #DEFAULT}.
 *
 * @param resend          the least time between two codes to one number
 * @param perNumberHour   codes to one number in any hour
 * @param perNumberDay    codes to one number in any 24 hours
 * @param perAddressHour  codes asked from one client address in any hour
 * @param validFor        how long a code signs in
 * @param maxAttempts     wrong codes a code takes before it is dead
 */
public record LoginLimits(
        Duration resend, int perNumberHour, int perNumberDay, int perAddressHour, Duration validFor, int maxAttempts) {

    public static final LoginLimits DEFAULT =
            new LoginLimits(Duration.ofSeconds(60), 5, 10, 20, Duration.ofMinutes(5), 5);

    static final String PREFIX = "oneenroll.parent-login.";

    public LoginLimits {
        if (resend.isNegative()
                || perNumberHour < 1
                || perNumberDay < perNumberHour
                || perAddressHour < 1
                || validFor.isNegative()
                || validFor.isZero()
                || maxAttempts < 1) {
            throw new IllegalArgumentException("login limits out of range: " + resend + " " + perNumberHour + "/h "
                    + perNumberDay + "/d " + perAddressHour + "/h per address " + validFor + " " + maxAttempts);
        }
    }

    /** The limits of this installation: the settings where given, else {@link #DEFAULT}. */
    public static LoginLimits fromSettings() {
        return new LoginLimits(
                Duration.ofSeconds(number("resend-seconds", DEFAULT.resend.toSeconds())),
                (int) number("per-number-hour", DEFAULT.perNumberHour),
                (int) number("per-number-day", DEFAULT.perNumberDay),
                (int) number("per-address-hour", DEFAULT.perAddressHour),
                Duration.ofSeconds(number("valid-seconds", DEFAULT.validFor.toSeconds())),
                (int) number("max-attempts", DEFAULT.maxAttempts));
    }

    private static long number(String name, long fallback) {
        return Settings.value(PREFIX + name).map(Long::parseLong).orElse(fallback);
    }

    /**
     * Refuses a new code at {@code now} when a limit is reached, saying in Chinese when the next one may be asked.
     *
     * @param toNumber    when codes were sent to the number in the last day, any order
     * @param fromAddress when codes were asked from the address in the last hour, any order
     * @throws InvalidValueException (field {@code phone}) when a limit is reached
     */
    public void check(List<Instant> toNumber, List<Instant> fromAddress, Instant now) {
        List<Instant> day = SlidingWindows.within(toNumber, now, Duration.ofDays(1));
        if (!day.isEmpty()) {
            Instant latest = day.get(day.size() - 1);
            Instant next = latest.plus(resend);
            if (now.isBefore(next)) {
                long seconds = (Duration.between(now, next).toMillis() + 999) / 1000;
                throw new InvalidValueException("phone", "parent-login.too-soon", seconds);
            }
        }
        Optional<Instant> hour = SlidingWindows.full(day, now, Duration.ofHours(1), perNumberHour);
        if (hour.isPresent()) {
            throw new InvalidValueException(
                    "phone", "parent-login.number-hour", perNumberHour, SlidingWindows.UNTIL.format(hour.get()));
        }
        Optional<Instant> wholeDay = SlidingWindows.full(day, now, Duration.ofDays(1), perNumberDay);
        if (wholeDay.isPresent()) {
            throw new InvalidValueException(
                    "phone", "parent-login.number-day", perNumberDay, SlidingWindows.UNTIL.format(wholeDay.get()));
        }
        Optional<Instant> address = SlidingWindows.full(fromAddress, now, Duration.ofHours(1), perAddressHour);
        if (address.isPresent()) {
            throw new InvalidValueException(
                    "phone", "parent-login.address-hour", SlidingWindows.UNTIL.format(address.get()));
        }
    }
}
