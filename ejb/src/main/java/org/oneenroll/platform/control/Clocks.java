package org.oneenroll.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The clock port: every "now" in OneEnroll comes from here, in UTC, so tests and replays can fix time. */
@ApplicationScoped
public class Clocks {

    /** Where people are: times are stored in UTC and shown in this zone. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final java.time.format.DateTimeFormatter MOMENT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(SHANGHAI);

    /** A moment as people read it in messages: "2027年7月1日 08:30", Beijing time. */
    public static String moment(java.time.Instant instant) {
        return MOMENT.format(instant);
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
