package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Defect rates: the defaults, the command-line syntax and what is refused. */
class DefectRatesTest {

    private final DefectRates cut = DefectRates.defaults();

    @Test
    void defaultsAreBetweenTwoAndFivePercent() {
        for (DefectKind k : DefectKind.values()) {
            assertTrue(cut.rate(k) >= 0.02 && cut.rate(k) <= 0.05, k + " " + cut.rate(k));
        }
    }

    @Test
    void parsesTheCommandLineList() {
        DefectRates changed = cut.with("expired-residence-permit=0.1, RARE_CHARACTER_NAME=0");
        assertEquals(0.1, changed.rate(DefectKind.EXPIRED_RESIDENCE_PERMIT));
        assertEquals(0.0, changed.rate(DefectKind.RARE_CHARACTER_NAME));
        assertEquals(cut.rate(DefectKind.SOCIAL_INSURANCE_GAP), changed.rate(DefectKind.SOCIAL_INSURANCE_GAP));
        assertEquals(cut, cut.with(""));
    }

    @Test
    void refusesRatesOutsideZeroToOneAndUnknownKinds() {
        assertThrows(IllegalArgumentException.class, () -> cut.with(DefectKind.SOCIAL_INSURANCE_GAP, 1.5));
        assertThrows(IllegalArgumentException.class, () -> cut.with("NO_SUCH_DEFECT=0.1"));
        assertThrows(
                IllegalArgumentException.class,
                () -> cut.with("PROPERTY_OUTSIDE_ZONES=0.7," + "PROPERTY_OUTSIDE_COUNTY=0.7"));
    }
}
