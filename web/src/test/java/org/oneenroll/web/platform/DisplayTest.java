package org.oneenroll.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void onlyTheCookieTheToggleWritesTurnsLargeTextOn() {
        assertTrue(Display.largeText(new Cookie(Display.COOKIE, "1")));
        assertFalse(Display.largeText(new Cookie(Display.COOKIE, "0")), "switched off again");
        assertFalse(Display.largeText(null), "never chosen");
    }
}
