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

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
