package org.oneenroll.simulator.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The throttle window on a clock the test moves. */
class SlidingWindowTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SlidingWindow cut = new SlidingWindow();

    private boolean tryAdmit(long atMs, int limit) {
        if (cut.full(atMs * MS, limit)) {
            return false;
        }
        cut.admit(atMs * MS, limit);
        return true;
    }

    @Test
    void admitsTheLimitPerSecondAndOneMoreOnlyOnceTheOldestIsASecondOld() {
        assertTrue(tryAdmit(0, 3));
        assertTrue(tryAdmit(100, 3));
        assertTrue(tryAdmit(200, 3));
        assertFalse(tryAdmit(999, 3));
        assertTrue(tryAdmit(1000, 3), "the first is now a second old");
        assertFalse(tryAdmit(1099, 3));
        assertTrue(tryAdmit(1100, 3));
    }

    @Test
    void refusalsDoNotFillTheWindow() {
        assertTrue(tryAdmit(0, 1));
        for (int ms = 1; ms < 1000; ms += 100) {
            assertFalse(tryAdmit(ms, 1));
        }
        assertTrue(tryAdmit(1000, 1));
    }

    @Test
    void aLowerLimitAppliesToWhatTheCurrentSecondAlreadyHolds() {
        for (int i = 0; i < 5; i++) {
            assertTrue(tryAdmit(i * 10, 10));
        }
        assertFalse(tryAdmit(100, 2), "five in this second already exceed two");
        assertTrue(tryAdmit(1031, 2), "the older of the two kept is now a second old");
        assertTrue(tryAdmit(1100, 20), "raising the limit admits at once");
    }

    @Test
    void zeroMeansNoLimit() {
        for (int i = 0; i < 10_000; i++) {
            assertTrue(tryAdmit(0, 0));
        }
    }
}
