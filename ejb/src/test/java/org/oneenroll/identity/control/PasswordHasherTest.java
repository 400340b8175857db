package org.oneenroll.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

class PasswordHasherTest {

    final PasswordHasher cut = new PasswordHasher(1_000);

    @Test
    void matchesOnlyTheRightPasswordAndSaltsEachHash() {
        String hash = cut.hash("yuzhong2027".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(cut.matches("yuzhong2027".toCharArray(), hash));
        assertFalse(cut.matches("yuzhong2028".toCharArray(), hash));
        assertNotEquals(hash, cut.hash("yuzhong2027".toCharArray()));
        assertFalse(cut.matches("yuzhong2027".toCharArray(), "not-a-hash"));
    }

    @Test
    void refusesWeakPasswordsWithAReason() {
        assertEquals(
                "密码至少需要8位",
                assertThrows(InvalidValueException.class, () -> cut.hash("ab12".toCharArray()))
                        .getMessage());
        assertEquals(
                "密码须同时包含字母和数字",
                assertThrows(InvalidValueException.class, () -> cut.hash("abcdefghij".toCharArray()))
                        .getMessage());
    }
}
