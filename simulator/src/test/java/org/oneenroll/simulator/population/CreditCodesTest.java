package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GB 32100 credit codes: published codes pass, corrupted ones fail. */
class CreditCodesTest {

    @Test
    void acceptsPublishedCodes() {
        // the standard's sample and two codes printed on real licences
        assertTrue(CreditCodes.isValid("91350100M000100Y43"));
        assertTrue(CreditCodes.isValid("91110000802100433B"));
        assertTrue(CreditCodes.isValid("914403001922038216"));
    }

    @Test
    void rejectsForbiddenCharactersAndWrongChecks() {
        assertFalse(CreditCodes.isValid("91350100M000100Y44"));
        assertFalse(CreditCodes.isValid("9135010OM000100Y43"));
        assertFalse(CreditCodes.isValid("91350100M000100Y4"));
    }
}
