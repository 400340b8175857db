package org.oneenroll.simulator.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a short message and how a handset counts it: UCS-2 texts in UTF-16 code units (70 in one message,
 * 67 per part of a concatenated one), Latin texts in characters (160, or 153 per part).
 *
 * @param text     the decoded text, surrogate pairs intact
 * @param encoding how it travels to the handset
 */
public record SmsText(String text, Encoding encoding) {

    /** The two alphabets the simulator tells apart. */
    public enum Encoding {
        /** data_coding 0x00 (SMSC default), 0x01 (IA5/ASCII) or 0x03 (Latin-1): one byte per character. */
        LATIN,
        /** data_coding 0x08: UCS-2, big-endian UTF-16 (characters outside the BMP as surrogate pairs). */
        UCS2
    }

    public static final byte DATA_CODING_DEFAULT = 0x00;
    public static final byte DATA_CODING_IA5 = 0x01;
    public static final byte DATA_CODING_LATIN1 = 0x03;
    public static final byte DATA_CODING_UCS2 = 0x08;

    public SmsText {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("the message has no text");
        }
        if (encoding == null) {
            throw new IllegalArgumentException("encoding is required");
        }
    }

    /**
     * Decodes a submit_sm's text ({@code short_message} or {@code message_payload}) by its data_coding.
     *
     * @throws IllegalArgumentException for an unsupported data_coding, an odd UCS-2 length or no text
     */
    public static SmsText decode(byte dataCoding, byte[] bytes) {
        return switch (dataCoding) {
            case DATA_CODING_DEFAULT, DATA_CODING_IA5, DATA_CODING_LATIN1 -> new SmsText(
                    new String(bytes, StandardCharsets.ISO_8859_1), Encoding.LATIN);
            case DATA_CODING_UCS2 -> {
                if (bytes.length % 2 != 0) {
                    throw new IllegalArgumentException(
                            "UCS-2 text has an odd number of bytes (" + bytes.length + "): not big-endian UTF-16");
                }
                yield new SmsText(new String(bytes, StandardCharsets.UTF_16BE), Encoding.UCS2);
            }
            default -> throw new IllegalArgumentException(String.format(
                    "data_coding 0x%02x is not supported: use 0x08 (UCS-2) or 0x00/0x01/0x03 (Latin)",
                    dataCoding & 0xff));
        };
    }

    /** A text given over HTTP: Latin when every character is ASCII, otherwise UCS-2, as the provider would send it. */
    public static SmsText of(String text) {
        boolean ascii = text != null && text.chars().allMatch(c -> c < 0x80);
        return new SmsText(text, ascii ? Encoding.LATIN : Encoding.UCS2);
    }

    /**
     * The number of messages a handset receives: for UCS-2 counted in UTF-16 code units (a character outside the
     * BMP takes two), for Latin in characters.
     */
    public int segments() {
        int length = text.length();
        return encoding == Encoding.UCS2 ? parts(length, 70, 67) : parts(length, 160, 153);
    }

    private static int parts(int length, int single, int perPart) {
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }

    /**
     * The first {@code codePoints} characters in printable ASCII, every other character as {@code ?}: the
     * {@code text:} field of a delivery receipt, which travels in the SMSC default alphabet.
     */
    public String receiptPreview(int codePoints) {
        int[] first = text.codePoints().limit(codePoints).toArray();
        char[] out = new char[first.length];
        Arrays.fill(out, '?');
        for (int i = 0; i < first.length; i++) {
            if (first[i] >= 0x20 && first[i] < 0x7f) {
                out[i] = (char) first[i];
            }
        }
        return new String(out);
    }
}
