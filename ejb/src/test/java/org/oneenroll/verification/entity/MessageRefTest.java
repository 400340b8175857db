package org.oneenroll.verification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Sentences kept as keys and arguments render in the reader's language, nested names included. */
class MessageRefTest {

    private final MessageRef cut =
            MessageRef.of("verification.reason.no-record", MessageRef.of("verification.source.HUKOU"), "朱怡可");

    @Test
    void nestedNamesRenderInTheSameLanguage() {
        assertEquals("户籍信息中未查到朱怡可的记录", cut.render(Locale.SIMPLIFIED_CHINESE));
        assertEquals("The household registration (hukou) has no record of 朱怡可", cut.render(Locale.ENGLISH));
    }

    @Test
    void numbersAndDatesArePrintedPlainly() {
        MessageRef permit = MessageRef.of(
                "verification.finding.permit-too-recent",
                "朱国强",
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 8, 31),
                6);
        assertEquals("朱国强的居住证签发于2026-03-01，至2026-08-31连续持有不满6个月", permit.render(null));
        assertEquals(
                "近两年累计缴纳月数",
                MessageRef.of("verification.filled.MONTHS_PAID_LAST_24").render(null));
        assertEquals(
                "2026",
                MessageRef.of("verification.action.upload", 2026)
                        .render(Locale.ENGLISH)
                        .replace("Please upload ", ""));
    }
}
