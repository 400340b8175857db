package org.oneenroll.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

class PhoneNumberTest {

    @Test
    void acceptsTheFormsPeopleTypeAndMasksIt() {
        PhoneNumber cut = PhoneNumber.of(" +86 138-1234-5678 ");
        assertEquals("13812345678", cut.value());
        assertEquals("138****5678", cut.masked());
        assertEquals("138****5678", cut.toString());
        assertEquals(cut, PhoneNumber.of("8613812345678"));
    }

    @Test
    void refusesLandlinesAndShortNumbersWithTheTypedValueInTheMessage() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> PhoneNumber.of("0931-5221234"));
        assertEquals("手机号“0931-5221234”格式不正确，应为11位大陆手机号（以13—19开头）", e.getMessage());
        assertThrows(InvalidValueException.class, () -> PhoneNumber.of("1381234567"));
        assertThrows(InvalidValueException.class, () -> PhoneNumber.of("12812345678"));
        assertThrows(InvalidValueException.class, () -> PhoneNumber.of(null));
    }

    @Property
    void everyMainlandMobileIsAccepted(
            @ForAll @IntRange(min = 3, max = 9) int second, @ForAll @LongRange(min = 0, max = 999_999_999L) long rest) {
        String number = "1" + second + String.format("%09d", rest);
        PhoneNumber cut = PhoneNumber.of(number);
        assertEquals(number, cut.value());
        assertEquals(number.substring(0, 3) + "****" + number.substring(7), cut.masked());
    }
}
