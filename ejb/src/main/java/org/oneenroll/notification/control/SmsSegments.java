package org.oneenroll.notification.control;

/**
 * How many SMS a text costs. A text any of whose characters is outside the GSM 7-bit alphabet (any Chinese) is
 * sent as UCS-2: 70 UTF-16 units in one message, 67 per part when it has to be concatenated; GSM text: 160 and
 * 153. Handsets and carriers count UTF-16 units, so a character outside the BMP counts twice.
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    private SmsSegments() {}

    public static boolean needsUcs2(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENDED.indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The number of messages the text is sent as (at least 1). */
    public static int count(String text) {
        if (needsUcs2(text)) {
            int units = text.length();
            return units <= 70 ? 1 : (units + 66) / 67;
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_EXTENDED.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}
