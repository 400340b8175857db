package org.oneenroll.admission.entity;

import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * The one shape every code in a published admission file has (school, zone, plan and child references):
 * a token without spaces, so the canonical text needs no quoting and reads the same everywhere.
 */
final class Codes {

    static final int MAX_LENGTH = 64;

    private Codes() {}

    static boolean isToken(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alphanumeric = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            if (!alphanumeric && (i == 0 || c != '_' && c != '.' && c != ':' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A child reference: a token that is not an ID number, since references are published with the draw. An
     * 18-character value whose check character fits is taken for one (x or X alike).
     */
    static String childRef(String field, String value) {
        token(field, "admission.code.child", value);
        if (value.length() == 18
                && value.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')
                && Character.toUpperCase(value.charAt(17)) == NationalId.checkCharacter(value.substring(0, 17))) {
            throw new InvalidValueException(field, "admission.code.child-id-number", value.substring(0, 6));
        }
        return value;
    }

    static String token(String field, String messageKey, String value) {
        if (!isToken(value)) {
            throw new InvalidValueException(field, messageKey, String.valueOf(value));
        }
        return value;
    }
}
