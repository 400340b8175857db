package org.oneenroll.admission.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

/** The ceremony seed as the officer types it: long enough, hexadecimal, separators ignored. */
class LotterySeedTest {

    @Test
    void aSeedShorterThan128BitsIsRefusedWithAClearMessage() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> LotterySeed.parse("0123456789abcdef"));

        assertEquals("seed", e.field());
        assertEquals("摇号种子至少需要128位（32个十六进制字符），现在只有16个十六进制字符，请使用公开摇号仪式产生的完整种子", e.getMessage());
    }

    @Test
    void groupsReadOutAtTheCeremonyMayBeSeparatedAndCaseDoesNotMatter() {
        LotterySeed cut = LotterySeed.parse("3F2A 9C01-77B4 0D5E 1a2b3c4d 5e6f7081");

        assertEquals("3f2a9c0177b40d5e1a2b3c4d5e6f7081", cut.hex());
        assertEquals(128, cut.bits());
        assertEquals(cut, LotterySeed.parse("3f2a9c0177b40d5e1a2b3c4d5e6f7081"));
    }

    @Test
    void aCharacterThatIsNotHexIsPointedAt() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> LotterySeed.parse("3f2a9c0177b40d5e1a2b3c4d5e6f708g"));

        assertEquals("摇号种子只能包含十六进制字符0—9、a—f（第32个字符“g”不是）", e.getMessage());
    }

    @Test
    void anOddNumberOfDigitsCannotBeBytes() {
        assertEquals(
                "admission.seed.odd",
                assertThrows(InvalidValueException.class, () -> LotterySeed.parse("3f2a9c0177b40d5e1a2b3c4d5e6f70812"))
                        .messageKey());
    }
}
