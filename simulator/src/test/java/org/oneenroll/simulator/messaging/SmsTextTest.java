package org.oneenroll.simulator.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding submit_sm texts and counting segments the way a handset does. */
class SmsTextTest {

    private static final String RARE = "\uD840\uDC00";

    @Test
    void ucs2IsBigEndianUtf16WithSurrogatePairsIntact() {
        String text = "录取" + RARE + "通知";

        SmsText cut = SmsText.decode((byte) 0x08, text.getBytes(StandardCharsets.UTF_16BE));

        assertEquals(text, cut.text());
        assertEquals(SmsText.Encoding.UCS2, cut.encoding());
        assertEquals(5, cut.text().codePointCount(0, cut.text().length()));
    }

    @Test
    void latinCodingsDecodeByteForCharacter() {
        byte[] bytes = "Caf\u00e9 ok".getBytes(StandardCharsets.ISO_8859_1);

        for (byte coding : new byte[] {0x00, 0x01, 0x03}) {
            SmsText cut = SmsText.decode(coding, bytes);
            assertEquals("Caf\u00e9 ok", cut.text());
            assertEquals(SmsText.Encoding.LATIN, cut.encoding());
        }
    }

    @Test
    void unsupportedCodingsOddUcs2AndEmptyTextsAreRefused() {
        IllegalArgumentException binary =
                assertThrows(IllegalArgumentException.class, () -> SmsText.decode((byte) 0x04, new byte[] {1}));
        IllegalArgumentException odd = assertThrows(
                IllegalArgumentException.class, () -> SmsText.decode((byte) 0x08, new byte[] {0x4e, 0x2d, 0x00}));
        assertThrows(IllegalArgumentException.class, () -> SmsText.decode((byte) 0x08, new byte[0]));

        assertTrue(binary.getMessage().contains("0x04"), binary.getMessage());
        assertTrue(odd.getMessage().contains("odd"), odd.getMessage());
    }

    @Test
    void ucs2SegmentsCountUtf16CodeUnits() {
        assertEquals(1, ucs2("中".repeat(70)).segments());
        assertEquals(2, ucs2("中".repeat(71)).segments());
        assertEquals(2, ucs2("中".repeat(134)).segments());
        assertEquals(3, ucs2("中".repeat(135)).segments());
        // 69 BMP characters and one outside it: 71 code units, as a handset counts
        assertEquals(2, ucs2("中".repeat(69) + RARE).segments());
        assertEquals(1, ucs2("中".repeat(68) + RARE).segments());
    }

    @Test
    void latinSegmentsCountCharacters() {
        assertEquals(1, SmsText.of("a".repeat(160)).segments());
        assertEquals(2, SmsText.of("a".repeat(161)).segments());
        assertEquals(2, SmsText.of("a".repeat(306)).segments());
        assertEquals(3, SmsText.of("a".repeat(307)).segments());
    }

    @Test
    void httpTextsAreLatinOnlyWhenAllAscii() {
        assertEquals(SmsText.Encoding.LATIN, SmsText.of("Your case is accepted").encoding());
        assertEquals(SmsText.Encoding.UCS2, SmsText.of("Caf\u00e9").encoding());
        assertEquals(SmsText.Encoding.UCS2, SmsText.of("您好").encoding());
    }

    @Test
    void theReceiptPreviewIsTwentyAsciiCharacters() {
        assertEquals(
                "Your application is ",
                SmsText.of("Your application is accepted").receiptPreview(20));
        assertEquals("???ok", ucs2("录取" + RARE + "ok").receiptPreview(20));
    }

    private static SmsText ucs2(String text) {
        return new SmsText(text, SmsText.Encoding.UCS2);
    }
}
