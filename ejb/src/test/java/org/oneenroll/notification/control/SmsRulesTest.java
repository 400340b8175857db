package org.oneenroll.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oneenroll.notification.entity.SmsTemplate;

class SmsRulesTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static Instant at(int hour, int minute) {
        return LocalDateTime.of(2027, 7, 1, hour, minute).atZone(CHINA).toInstant();
    }

    @Test
    void segmentsAre70Or67PerPartForChineseAnd160Or153ForGsm() {
        assertEquals(1, SmsSegments.count("短".repeat(70)));
        assertEquals(2, SmsSegments.count("短".repeat(71)));
        assertEquals(2, SmsSegments.count("短".repeat(134)));
        assertEquals(3, SmsSegments.count("短".repeat(135)));
        assertEquals(1, SmsSegments.count("a".repeat(160)));
        assertEquals(2, SmsSegments.count("a".repeat(161)));
        assertEquals(2, SmsSegments.count("a".repeat(159) + "€"), "an extended character takes two septets");
        assertEquals(2, SmsSegments.count("𠀀".repeat(36)), "outside the BMP a character is two UTF-16 units");
        assertTrue(SmsSegments.needsUcs2("验证码123456"));
        assertFalse(SmsSegments.needsUcs2("Code 123456"));
    }

    @Test
    void everyTemplateRendersItsArgumentsAndIsSigned() {
        for (SmsTemplate t : SmsTemplate.values()) {
            String[] args = new String[countPlaceholders(t)];
            for (int i = 0; i < args.length; i++) {
                args[i] = "参数" + i;
            }
            String text = t.render(args);
            assertTrue(text.startsWith("【入学一件事】"), text);
            for (String a : args) {
                assertTrue(text.contains(a), () -> t + " uses " + a + ": " + text);
            }
            assertFalse(text.contains("{"), text);
            assertTrue(SmsSegments.count(text) <= 3, () -> t + " is " + SmsSegments.count(text) + " messages");
        }
        assertThrows(IllegalArgumentException.class, () -> SmsTemplate.LOGIN_CODE.render());
        assertTrue(SmsTemplate.LOGIN_CODE.urgent());
        assertFalse(SmsTemplate.ADMISSION_RESULT.urgent());
        assertEquals("【入学一件事】验证码123456，5分钟内有效。请勿告知他人，工作人员不会向您索要验证码。", SmsTemplate.LOGIN_CODE.render("123456", "5"));
    }

    private static int countPlaceholders(SmsTemplate t) {
        for (int n = 0; n < 10; n++) {
            try {
                String[] args = new String[n];
                java.util.Arrays.fill(args, "x");
                t.render(args);
                return n;
            } catch (IllegalArgumentException wrongCount) {
                // try the next count
            }
        }
        throw new AssertionError(t + " takes more than 9 arguments");
    }

    @Test
    void quietHoursHoldUntilEightInTheMorningAcrossMidnight() {
        QuietHours q = QuietHours.DEFAULT;
        assertEquals(Optional.empty(), q.heldUntil(at(20, 59)));
        assertEquals(Optional.of(at(8, 0).plus(Duration.ofDays(1))), q.heldUntil(at(21, 0)));
        assertEquals(Optional.of(at(8, 0).plus(Duration.ofDays(1))), q.heldUntil(at(23, 30)));
        assertEquals(Optional.of(at(8, 0)), q.heldUntil(at(2, 15)));
        assertEquals(Optional.empty(), q.heldUntil(at(8, 0)));
        QuietHours lunch = QuietHours.parse("12:00-13:30", CHINA);
        assertEquals(Optional.of(at(13, 30)), lunch.heldUntil(at(12, 10)));
        assertEquals(Optional.empty(), lunch.heldUntil(at(11, 59)));
        assertEquals(Optional.empty(), QuietHours.parse("none", CHINA).heldUntil(at(23, 0)));
        assertThrows(IllegalArgumentException.class, () -> QuietHours.parse("21:00", CHINA));
    }

    @Test
    void aNumberGetsAtMostFiveAnHourAndTenADay() {
        NumberRateLimit limit = NumberRateLimit.DEFAULT;
        Instant now = at(12, 0);
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(now.minus(Duration.ofMinutes(10 * (i + 1))));
        }
        assertEquals(Optional.empty(), limit.nextAllowed(sent, now), "four in the last hour: a fifth may go");
        sent.add(now.minus(Duration.ofMinutes(5)));
        assertEquals(
                Optional.of(now.minus(Duration.ofMinutes(40)).plus(Duration.ofHours(1))),
                limit.nextAllowed(sent, now),
                "five in the hour: the next when the oldest of them is an hour old");
        List<Instant> day = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            day.add(now.minus(Duration.ofHours(2 + i)));
        }
        assertEquals(
                Optional.of(now.minus(Duration.ofHours(11)).plus(Duration.ofDays(1))), limit.nextAllowed(day, now));
        day.add(now.minus(Duration.ofDays(2)));
        assertEquals(
                10,
                day.stream()
                        .filter(t -> t.isAfter(now.minus(Duration.ofDays(1))))
                        .count());
    }
}
