package org.oneenroll.admission.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;

/** A round's life: drawn once, published only when drawn, cancelled only before publishing. */
class AdmissionRoundTest {

    static final Instant T = Instant.parse("2026-08-01T02:00:00Z");

    AdmissionRound cut = new AdmissionRound(
            RegionCode.of("620123"),
            2026,
            Stage.PRIMARY,
            1,
            7L,
            "620123-2026-PRIMARY-r1",
            2,
            new byte[] {1},
            "ab",
            "admin",
            T);

    @Test
    void aPreparedRoundIsOpenAndDrawsOnce() {
        assertEquals(RoundStatus.PREPARED, cut.status());
        cut.drawn("00ff", "admin", T, new byte[] {2}, "cd", 1, 0, 1);
        assertEquals(RoundStatus.DRAWN, cut.status());
        assertEquals("admin", cut.seedEnteredBy());
        InvalidValueException again = assertThrows(
                InvalidValueException.class, () -> cut.drawn("11ff", "other", T, new byte[] {3}, "ef", 0, 0, 2));
        assertEquals("admission.round.drawn-already", again.messageKey());
        assertTrue(again.getMessage().contains("只能摇号一次"), again.getMessage());
        assertEquals("00ff", cut.seedHex(), "the first seed stays");
    }

    @Test
    void publishingNeedsTheDrawAndClosesTheRound() {
        InvalidValueException early = assertThrows(InvalidValueException.class, () -> cut.published("admin", T));
        assertEquals("admission.round.state-expected", early.messageKey());
        cut.drawn("00ff", "admin", T, new byte[] {2}, "cd", 1, 0, 1);
        cut.published("admin", T);
        assertEquals(RoundStatus.PUBLISHED, cut.status());
        assertThrows(InvalidValueException.class, () -> cut.cancel("admin", T, "晚了"));
    }

    @Test
    void cancellingNeedsAReason() {
        InvalidValueException blank = assertThrows(InvalidValueException.class, () -> cut.cancel("admin", T, " "));
        assertEquals("admission.round.cancel-reason", blank.messageKey());
        cut.cancel("admin", T, "  招生计划数有误  ");
        assertEquals(RoundStatus.CANCELLED, cut.status());
        assertEquals("招生计划数有误", cut.cancelReason());
        assertThrows(InvalidValueException.class, () -> cut.drawn("00ff", "admin", T, new byte[0], "", 0, 0, 0));
        assertNull(cut.resultText());
    }
}
