package org.oneenroll.notification.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours in which families are not disturbed (default 21:00 to 08:00 in China): a non-urgent SMS due then
 * is held until the morning. The window may cross midnight; start equal to end means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public static final QuietHours DEFAULT =
            new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    /** Reads "21:00-08:00"; "none" (or an empty window) turns quiet hours off. */
    public static QuietHours parse(String text, ZoneId zone) {
        String t = text.strip();
        if (t.equalsIgnoreCase("none")) {
            return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
        }
        String[] parts = t.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours are HH:mm-HH:mm or none, not " + text);
        }
        return new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()), zone);
    }

    public boolean quietAt(Instant moment) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime t = moment.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** When a non-urgent message due at {@code moment} may go: empty if now, else the end of the quiet hours. */
    public Optional<Instant> heldUntil(Instant moment) {
        if (!quietAt(moment)) {
            return Optional.empty();
        }
        ZonedDateTime local = moment.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(end)
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        return Optional.of(day.atTime(end).atZone(zone).toInstant());
    }
}
