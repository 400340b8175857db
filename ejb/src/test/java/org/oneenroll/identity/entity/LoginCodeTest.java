package org.oneenroll.identity.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.control.LoginCodeHasher;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.LoginCode.Attempt;

/** A sign-in code's rules: the right code once and in time, and dead after five wrong ones. */
class LoginCodeTest {

    static final Instant SENT = Instant.parse("2027-06-01T02:00:00Z");
    static final PhoneNumber PHONE = PhoneNumber.of("13800138000");
    static final PersonalDataCipher CIPHER =
            new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[32]);

    final LoginCodeHasher hasher = new LoginCodeHasher(CIPHER, new SecureRandom());
    final byte[] salt = hasher.newSalt();
    final LoginCode cut = new LoginCode(
            hasher.phoneDigest(PHONE),
            hasher.addressDigest("127.0.0.1"),
            salt,
            hasher.hash(salt, PHONE, "042917"),
            SENT,
            Duration.ofMinutes(5));

    @Test
    void theRightCodeSignsInOnceWithinFiveMinutes() {
        assertEquals(SENT.plus(Duration.ofMinutes(5)), cut.expiresAt());
        assertEquals(Attempt.SIGNED_IN, cut.attempt(typed("042917"), SENT.plusSeconds(299), 5));
        assertEquals(SENT.plusSeconds(299), cut.usedAt());
        assertEquals(Attempt.SPENT, cut.attempt(typed("042917"), SENT.plusSeconds(300), 5), "used");
    }

    @Test
    void anExpiredCodeSignsNobodyIn() {
        assertEquals(Attempt.SPENT, cut.attempt(typed("042917"), SENT.plus(Duration.ofMinutes(5)), 5));
        assertEquals(0, cut.attempts(), "an expired code is not tried");
    }

    @Test
    void theFifthWrongCodeKillsIt() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(Attempt.WRONG, cut.attempt(typed("000000"), SENT.plusSeconds(i), 5));
            assertEquals(5 - i, cut.triesLeft(5));
        }
        assertEquals(Attempt.DEAD, cut.attempt(typed("111111"), SENT.plusSeconds(5), 5));
        assertEquals(Attempt.DEAD, cut.attempt(typed("042917"), SENT.plusSeconds(6), 5), "not even the right one");
        assertEquals(5, cut.attempts(), "tries on a dead code are not counted");
        assertEquals(null, cut.usedAt());
    }

    @Test
    void onlyAKeyedSaltedHashIsKept() {
        byte[] stored = hasher.hash(salt, PHONE, "042917");
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("042917"));
        byte[] otherSalt = hasher.newSalt();
        assertNotEquals(
                Arrays.toString(stored),
                Arrays.toString(hasher.hash(otherSalt, PHONE, "042917")),
                "the same code hashes differently under another salt");
        assertNotEquals(
                Arrays.toString(stored),
                Arrays.toString(hasher.hash(salt, PhoneNumber.of("13900139000"), "042917")),
                "and for another number");
        PersonalDataCipher otherKey = new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        assertNotEquals(
                Arrays.toString(stored),
                Arrays.toString(new LoginCodeHasher(otherKey, new SecureRandom()).hash(salt, PHONE, "042917")),
                "without the server's key the hash cannot be recomputed");
        assertArrayEquals(stored, hasher.hash(salt, PHONE, "042917"));
    }

    @Test
    void codesAreSixDigitsFromTheWholeRange() {
        Set<String> seen = new HashSet<>();
        boolean leadingZero = false;
        for (int i = 0; i < 2000; i++) {
            String code = hasher.newCode();
            assertTrue(code.matches("[0-9]{6}"), code);
            leadingZero |= code.startsWith("0");
            seen.add(code);
        }
        assertTrue(leadingZero, "leading zeros are kept");
        assertTrue(seen.size() > 1990, "no visible repetition in 2000 codes");
    }

    private byte[] typed(String code) {
        return hasher.hash(cut.salt(), PHONE, code);
    }
}
