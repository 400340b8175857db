package org.oneenroll.identity.entity;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A resident identity number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence whose
 * parity is the sex, and an ISO 7064 MOD 11-2 check character. {@link #toString()} is masked, so an ID
 * number never reaches a log by accident; {@link #value()} is for storage and government queries only.
 */
public final class NationalId implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final String value;
    private final LocalDate birthDate;

    private NationalId(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses a number typed by a person: surrounding blanks are ignored and a lower-case x is accepted. */
    public static NationalId of(String raw) {
        return of(raw, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }

    /** Parses against a given "today", so the birth-date rule is testable and clock-driven. */
    public static NationalId of(String raw, LocalDate today) {
        String id = raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (id.codePointCount(0, id.length()) != 18 || id.length() != 18) {
            throw new InvalidValueException("nationalId", "national-id.length", id.codePointCount(0, id.length()));
        }
        for (int i = 0; i < 18; i++) {
            char c = id.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (i == 17 && c == 'X');
            if (!ok) {
                throw new InvalidValueException("nationalId", "national-id.format", i + 1, String.valueOf(c));
            }
        }
        if (!RegionCode.isProvince(id.substring(0, 2))) {
            throw new InvalidValueException("nationalId", "national-id.province", id.substring(0, 2));
        }
        String digits = id.substring(6, 14);
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new InvalidValueException("nationalId", "national-id.birth-date", digits);
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            throw new InvalidValueException("nationalId", "national-id.birth-date-too-old", birth);
        }
        if (birth.isAfter(today)) {
            throw new InvalidValueException("nationalId", "national-id.birth-date-future", birth);
        }
        char expected = checkCharacter(id.substring(0, 17));
        if (id.charAt(17) != expected) {
            throw new InvalidValueException(
                    "nationalId", "national-id.check-digit", String.valueOf(expected), String.valueOf(id.charAt(17)));
        }
        return new NationalId(id, birth);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /**
     * The region of first registration. It may be a code retired since: callers treat an unknown one as a
     * warning, never as a reason to refuse the number.
     */
    public String regionPrefix() {
        return value.substring(0, 6);
    }

    /** Full years of age on the given day. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The form shown on screens and in logs: region, eight stars, the last four characters. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NationalId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
