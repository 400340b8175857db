package org.oneenroll.identity.entity;

/**
 * A person's name as printed where others may see it (a receipt, a family's phone screen): the first character
 * and, for names of three characters or more, the last stay; the rest is starred (张*明, 王*, 欧**明).
 */
public final class PersonName {

    private PersonName() {}

    public static String masked(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] chars = name.strip().codePoints().toArray();
        int n = chars.length;
        if (n == 1) {
            return new String(chars, 0, 1);
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        if (n == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(n - 2));
        return masked.appendCodePoint(chars[n - 1]).toString();
    }
}
