package org.oneenroll.simulator.population;

import java.util.SplittableRandom;

/**
 * GB 32100 unified social credit codes (统一社会信用代码): authority + type + region + GB 11714 organisation code
 * + a MOD 31 check character.
 */
public final class CreditCodes {

    /** The 31 characters the standard allows (no I, O, S, V, Z), in value order. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {}

    /** A code registered by market regulation (9) for an enterprise (type 1). */
    public static String enterprise(String regionCode, SplittableRandom random) {
        return build('9', '1', regionCode, random);
    }

    /** A code registered by market regulation (9) for an individual business (type 2). */
    public static String individualBusiness(String regionCode, SplittableRandom random) {
        return build('9', '2', regionCode, random);
    }

    static String build(char authority, char type, String regionCode, SplittableRandom random) {
        StringBuilder org = new StringBuilder(9).append("MA");
        for (int i = 0; i < 6; i++) {
            org.append(CHARSET.charAt(random.nextInt(CHARSET.length())));
        }
        org.append(organisationCheck(org));
        StringBuilder sb = new StringBuilder(18)
                .append(authority)
                .append(type)
                .append(regionCode)
                .append(org);
        return sb.append(check(sb)).toString();
    }

    /** The 9th character of a GB 11714 organisation code over its first 8. */
    static char organisationCheck(CharSequence first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int r = 11 - sum % 11;
        return r == 10 ? 'X' : r == 11 ? '0' : (char) ('0' + r);
    }

    /** The 18th character over the first 17. */
    static char check(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character not allowed: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** Whether {@code code} uses allowed characters and both check characters are right. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return check(code) == code.charAt(17) && organisationCheck(code.substring(8, 16)) == code.charAt(16);
    }
}
