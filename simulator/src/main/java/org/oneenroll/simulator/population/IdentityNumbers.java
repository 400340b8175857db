package org.oneenroll.simulator.population;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * GB 11643 citizen identity numbers: region (6) + birth date (8) + sequence (3, odd male) + ISO 7064 MOD 11-2
 * check character. Kept here rather than shared with OneEnroll because the simulator is an outside system.
 */
public final class IdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdentityNumbers() {}

    /** The 18th character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int d = first17.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            sum += d * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Builds a valid number; {@code sequence} is 1..999 and its parity must match the person's sex. */
    public static String build(String regionCode, LocalDate birthDate, int sequence) {
        if (regionCode.length() != 6 || sequence < 1 || sequence > 999) {
            throw new IllegalArgumentException(regionCode + "/" + sequence);
        }
        StringBuilder sb = new StringBuilder(18).append(regionCode);
        int y = birthDate.getYear();
        int m = birthDate.getMonthValue();
        int d = birthDate.getDayOfMonth();
        sb.append(y);
        if (m < 10) {
            sb.append('0');
        }
        sb.append(m);
        if (d < 10) {
            sb.append('0');
        }
        sb.append(d);
        if (sequence < 100) {
            sb.append('0');
        }
        if (sequence < 10) {
            sb.append('0');
        }
        sb.append(sequence);
        return sb.append(checkCharacter(sb)).toString();
    }

    /** Whether {@code id} has 17 digits, a real birth date and the right check character. */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        try {
            birthDate(id);
        } catch (DateTimeException e) {
            return false;
        }
        return checkCharacter(id) == id.charAt(17);
    }

    /** The birth date encoded in characters 7..14. */
    public static LocalDate birthDate(String id) {
        return LocalDate.of(
                Integer.parseInt(id.substring(6, 10)),
                Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }

    /** The sex encoded by the parity of the 17th character. */
    public static Sex sex(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }
}
