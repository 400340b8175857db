package org.oneenroll.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

class NationalIdTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    /** A valid number built the way the standard says, for a county, a birth date and a sequence. */
    static String valid(String region, LocalDate birth, int sequence) {
        String first17 = region
                + String.format(
                        "%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), sequence);
        return first17 + NationalId.checkCharacter(first17);
    }

    @Test
    void readsBirthDateSexAndRegionFromAKnownGoodNumber() {
        // The GB 11643 worked example: 11010519491231002X.
        NationalId cut = NationalId.of("11010519491231002x", TODAY);
        assertEquals("11010519491231002X", cut.value());
        assertEquals(LocalDate.of(1949, 12, 31), cut.birthDate());
        assertEquals(Sex.FEMALE, cut.sex());
        assertEquals("110105", cut.regionPrefix());
        assertEquals("110105********002X", cut.masked());
        assertEquals(cut.masked(), cut.toString());
    }

    @Test
    void saysHowLongTheNumberIsWhenTheLengthIsWrong() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> NationalId.of("62012320190901123", TODAY));
        assertEquals("身份证号应为18位，当前为17位", e.getMessage());
    }

    @Test
    void saysWhichCheckDigitWasExpected() {
        String good = valid("620123", LocalDate.of(2020, 3, 5), 123);
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> NationalId.of(good.substring(0, 17) + wrong, TODAY));
        assertEquals("national-id.check-digit", e.messageKey());
        assertEquals("身份证号校验位应为“" + good.charAt(17) + "”，实际为“" + wrong + "”，请核对号码是否抄错", e.getMessage());
    }

    @Test
    void refusesAnImpossibleBirthDate() {
        String first17 = "62012320190230123";
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> NationalId.of(first17 + NationalId.checkCharacter(first17), TODAY));
        assertEquals("身份证号中的出生日期“20190230”不存在", e.getMessage());
    }

    @Test
    void refusesABirthDateAfterToday() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> NationalId.of(valid("620123", LocalDate.of(2027, 1, 1), 11), TODAY));
        assertEquals("national-id.birth-date-future", e.messageKey());
    }

    @Test
    void refusesAnUnknownProvinceAndLettersInTheMiddle() {
        assertEquals(
                "national-id.province",
                assertThrows(
                                InvalidValueException.class,
                                () -> NationalId.of(valid("990123", LocalDate.of(2019, 1, 1), 11), TODAY))
                        .messageKey());
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> NationalId.of("62012320190101X234", TODAY));
        assertEquals("身份证号前17位须为数字，最后一位为数字或X（第15位“X”不符合）", e.getMessage());
    }

    @Test
    void speaksEnglishWhenAsked() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NationalId.of("123", TODAY));
        assertEquals("An ID number has 18 characters; this one has 3", e.message(java.util.Locale.ENGLISH));
    }

    @Provide
    Arbitrary<LocalDate> births() {
        return Arbitraries.integers()
                .between(0, 45_000)
                .map(d -> LocalDate.of(1900, 1, 1).plusDays(d))
                .filter(d -> !d.isAfter(TODAY));
    }

    @Provide
    Arbitrary<String> counties() {
        return Arbitraries.of("620123", "110105", "440305", "510104", "650102", "370811", "130102");
    }

    @Property
    void everyWellFormedNumberRoundTrips(
            @ForAll("counties") String region,
            @ForAll("births") LocalDate birth,
            @ForAll @IntRange(min = 0, max = 999) int sequence) {
        NationalId cut = NationalId.of(valid(region, birth, sequence), TODAY);
        assertEquals(birth, cut.birthDate());
        assertEquals(sequence % 2 == 1 ? Sex.MALE : Sex.FEMALE, cut.sex());
        assertEquals(region, cut.regionPrefix());
        assertEquals(18, cut.masked().length());
        assertEquals(cut.value().substring(14), cut.masked().substring(14));
    }

    @Property
    void everySingleDigitTypoIsCaught(
            @ForAll("counties") String region,
            @ForAll("births") LocalDate birth,
            @ForAll @IntRange(min = 0, max = 999) int sequence,
            @ForAll @IntRange(min = 0, max = 16) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String good = valid(region, birth, sequence);
        char typo = (char) ('0' + (good.charAt(position) - '0' + shift) % 10);
        String bad = good.substring(0, position) + typo + good.substring(position + 1);
        // MOD 11-2 detects every single-digit substitution; the number may also fail an earlier rule.
        assertThrows(InvalidValueException.class, () -> NationalId.of(bad, TODAY));
    }

    @Property
    void everyAdjacentTranspositionIsCaught(@ForAll("transposable") String good) {
        for (int i = 0; i < 16; i++) {
            if (good.charAt(i) != good.charAt(i + 1)) {
                String bad = good.substring(0, i) + good.charAt(i + 1) + good.charAt(i) + good.substring(i + 2);
                assertThrows(InvalidValueException.class, () -> NationalId.of(bad, TODAY), bad);
            }
        }
    }

    @Provide
    Arbitrary<String> transposable() {
        return Combinators.combine(counties(), births(), Arbitraries.integers().between(0, 999))
                .as(NationalIdTest::valid);
    }
}
