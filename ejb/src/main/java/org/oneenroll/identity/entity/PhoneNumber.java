package org.oneenroll.identity.entity;

import java.io.Serializable;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A mainland China mobile number (11 digits, 13x to 19x). Accepts the forms people type (+86 prefix,
 * blanks, hyphens) and keeps the bare number; {@link #toString()} is masked.
 */
public final class PhoneNumber implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String value;

    private PhoneNumber(String value) {
        this.value = value;
    }

    public static PhoneNumber of(String raw) {
        String typed = raw == null ? "" : raw.strip();
        String digits = typed.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        boolean ok = digits.length() == 11
                && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                && digits.charAt(0) == '1'
                && digits.charAt(1) >= '3';
        if (!ok) {
            throw new InvalidValueException("phone", "phone.format", typed);
        }
        return new PhoneNumber(digits);
    }

    public String value() {
        return value;
    }

    /** The form shown on screens and in logs: 138****5678. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && other.value.equals(value);
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
