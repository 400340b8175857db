package org.oneenroll.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {

    @AfterEach
    void forget() {
        System.clearProperty(SessionCookies.SETTING);
    }

    @Test
    void offUnlessTheCountySaysTheAddressIsHttps() {
        assertFalse(SessionCookies.secure(), "the demo and the tests run on plain HTTP");
        System.setProperty(SessionCookies.SETTING, " TRUE ");
        assertTrue(SessionCookies.secure());
        System.setProperty(SessionCookies.SETTING, "false");
        assertFalse(SessionCookies.secure());
    }

    @Test
    void aMistypedSettingStopsTheStartInsteadOfLeavingCookiesOpen() {
        System.setProperty(SessionCookies.SETTING, "yes");
        IllegalStateException e = assertThrows(IllegalStateException.class, SessionCookies::secure);
        assertEquals("oneenroll.secure-cookies must be true or false, not \"yes\"", e.getMessage());
    }
}
