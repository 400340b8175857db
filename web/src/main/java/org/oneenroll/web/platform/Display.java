package org.oneenroll.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;

/**
 * Large-text mode (适老化, seed 004): the header's toggle stores the choice in a cookie, not a session, and every page
 * reads it here to render {@code <body>} large from the first paint.
 */
@Named
@RequestScoped
public class Display {

    /** Set by {@code oneenroll.js}: {@code 1} on, {@code 0} off. */
    static final String COOKIE = "oe-large-text";

    static final String LARGE_TEXT_CLASS = "oe-large-text";

    private boolean largeText;

    @PostConstruct
    void init() {
        largeText = largeText(FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestCookieMap()
                .get(COOKIE));
    }

    static boolean largeText(Object cookie) {
        return cookie instanceof Cookie c && "1".equals(c.getValue());
    }

    public boolean isLargeText() {
        return largeText;
    }

    public String getBodyClass() {
        return largeText ? LARGE_TEXT_CLASS : "";
    }
}
