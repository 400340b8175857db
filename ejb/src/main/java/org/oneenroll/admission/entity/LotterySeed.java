package org.oneenroll.admission.entity;

import java.util.Arrays;
import java.util.HexFormat;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * The seed of a verifiable lottery, drawn at a public ceremony and typed in by the officer as hexadecimal
 * (spaces and hyphens between groups are ignored). At least 128 bits, so nobody can try every seed in
 * advance against the published input.
 */
public final class LotterySeed {

    public static final int MIN_BITS = 128;
    static final int MAX_HEX_DIGITS = 256;

    private final byte[] bytes;

    private LotterySeed(byte[] bytes) {
        this.bytes = bytes;
    }

    public static LotterySeed parse(String text) {
        StringBuilder digits = new StringBuilder();
        String raw = text == null ? "" : text;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '-') {
                continue;
            }
            if (Character.digit(c, 16) < 0 || c > 'f') {
                throw new InvalidValueException(
                        "seed", "admission.seed.format", String.valueOf(i + 1), String.valueOf(c));
            }
            digits.append(Character.toLowerCase(c));
        }
        int count = digits.length();
        if (count * 4 < MIN_BITS) {
            throw new InvalidValueException(
                    "seed",
                    "admission.seed.too-short",
                    String.valueOf(MIN_BITS),
                    String.valueOf(MIN_BITS / 4),
                    String.valueOf(count));
        }
        if (count > MAX_HEX_DIGITS) {
            throw new InvalidValueException(
                    "seed", "admission.seed.too-long", String.valueOf(MAX_HEX_DIGITS), String.valueOf(count));
        }
        if (count % 2 != 0) {
            throw new InvalidValueException("seed", "admission.seed.odd", String.valueOf(count));
        }
        return new LotterySeed(HexFormat.of().parseHex(digits));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int bits() {
        return bytes.length * 8;
    }

    /** The seed as it is published with the result: lower-case hex without separators. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LotterySeed seed && Arrays.equals(bytes, seed.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
