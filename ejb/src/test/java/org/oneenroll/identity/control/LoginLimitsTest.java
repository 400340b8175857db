package org.oneenroll.identity.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

class LoginLimitsTest {

    static final Instant NOW = Instant.parse("2027-06-01T02:00:00Z"); // 10:00 in China

    final LoginLimits cut = LoginLimits.DEFAULT;

    @Test
    void aFirstCodeMayGoAtOnce() {
        assertDoesNotThrow(() -> cut.check(List.of(), List.of(), NOW));
    }

    @Test
    void aSecondCodeWithinTheMinuteIsRefusedWithTheSecondsToWait() {
        InvalidValueException refused = assertThrows(
                InvalidValueException.class, () -> cut.check(List.of(NOW.minusSeconds(20)), List.of(), NOW));
        assertEquals("parent-login.too-soon", refused.messageKey());
        assertEquals("phone", refused.field());
        assertEquals("验证码已发送，请40秒后再重新获取", refused.getMessage());
        InvalidValueException almost = assertThrows(
                InvalidValueException.class, () -> cut.check(List.of(NOW.minusMillis(59_500)), List.of(), NOW));
        assertEquals("验证码已发送，请1秒后再重新获取", almost.getMessage(), "never 0 seconds");
        assertDoesNotThrow(() -> cut.check(List.of(NOW.minusSeconds(60)), List.of(), NOW));
    }

    @Test
    void fivePerNumberInAnyHour() {
        List<Instant> four = minutesAgo(50, 40, 30, 20);
        assertDoesNotThrow(() -> cut.check(four, List.of(), NOW));
        List<Instant> five = minutesAgo(50, 40, 30, 20, 10);
        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> cut.check(five, List.of(), NOW));
        assertEquals("parent-login.number-hour", refused.messageKey());
        // The oldest of the five leaves the hour at 10:10 China time.
        assertEquals("该手机号1小时内已获取5次验证码，请于6月1日10:10后再试", refused.getMessage());
        assertDoesNotThrow(() -> cut.check(minutesAgo(61, 40, 30, 20, 10), List.of(), NOW), "a sliding hour");
    }

    @Test
    void tenPerNumberInAnyDay() {
        List<Instant> ten = minutesAgo(23 * 60, 22 * 60, 21 * 60, 20 * 60, 19 * 60, 5 * 60, 4 * 60, 3 * 60, 2 * 60, 70);
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> cut.check(ten, List.of(), NOW));
        assertEquals("parent-login.number-day", refused.messageKey());
        assertEquals("该手机号24小时内已获取10次验证码，请于6月1日11:00后再试", refused.getMessage());
        List<Instant> yesterday = new ArrayList<>(ten);
        yesterday.set(0, NOW.minus(Duration.ofHours(25)));
        assertDoesNotThrow(() -> cut.check(yesterday, List.of(), NOW), "only the last 24 hours count");
    }

    @Test
    void twentyPerAddressInAnyHour() {
        List<Instant> nineteen = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            nineteen.add(NOW.minusSeconds(i * 150L));
        }
        assertDoesNotThrow(() -> cut.check(List.of(), nineteen, NOW));
        List<Instant> twenty = new ArrayList<>(nineteen);
        twenty.add(NOW.minusSeconds(5));
        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> cut.check(List.of(), twenty, NOW));
        assertEquals("parent-login.address-hour", refused.messageKey());
        assertEquals("当前网络获取验证码过于频繁，请于6月1日10:12后再试", refused.getMessage());
    }

    @Test
    void limitsAreSettingsWithDefaults() {
        System.setProperty("oneenroll.parent-login.resend-seconds", "30");
        System.setProperty("oneenroll.parent-login.max-attempts", "3");
        try {
            LoginLimits limits = LoginLimits.fromSettings();
            assertEquals(Duration.ofSeconds(30), limits.resend());
            assertEquals(3, limits.maxAttempts());
            assertEquals(5, limits.perNumberHour());
            assertEquals(Duration.ofMinutes(5), limits.validFor());
        } finally {
            System.clearProperty("oneenroll.parent-login.resend-seconds");
            System.clearProperty("oneenroll.parent-login.max-attempts");
        }
        assertEquals(LoginLimits.DEFAULT, LoginLimits.fromSettings());
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new LoginLimits(Duration.ofSeconds(60), 5, 4, 20, Duration.ofMinutes(5), 5));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LoginLimits(Duration.ofSeconds(60), 5, 10, 20, Duration.ZERO, 5));
    }

    private static List<Instant> minutesAgo(int... minutes) {
        List<Instant> times = new ArrayList<>();
        for (int m : minutes) {
            times.add(NOW.minus(Duration.ofMinutes(m)));
        }
        return times;
    }
}
