package org.oneenroll.web.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.oneenroll.platform.control.Settings;

/**
 * The session cookie's attributes beyond web.xml's HttpOnly:
 * <ul>
 *   <li>{@code SameSite=Lax}, always: a form another site posts to OneEnroll arrives without the session, so a page
 *       elsewhere cannot make a signed-in parent withdraw an application or a reviewer decide a case. The parent
 *       pages are transient views, without the view state that would otherwise stand in for a token. Following a
 *       link to OneEnroll from elsewhere (a GET) still arrives signed in.
 *   <li>{@code Secure} when the public address is HTTPS ({@code oneenroll.secure-cookies=true}): TLS ends at the
 *       county's load balancer, so the server itself sees plain HTTP and cannot tell; a cookie without the flag would
 *       also be sent over any plain-HTTP link to the same host. Off by default, since the demo and the tests run on
 *       plain HTTP, where a browser would drop a secure cookie and nobody could sign in.
 * </ul>
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    static final String SETTING = "oneenroll.secure-cookies";

    private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean secure = secure();
        event.getServletContext().getSessionCookieConfig().setSecure(secure);
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
        LOG.info(() -> secure
                ? "Session cookie SameSite=Lax and Secure: browsers send it over HTTPS only"
                : "Session cookie SameSite=Lax, not Secure (" + SETTING + " is off)");
    }

    /** Whether the setting asks for secure cookies; anything but {@code true} or {@code false} stops the start. */
    static boolean secure() {
        String value = Settings.value(SETTING).orElse("false").strip();
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(SETTING + " must be true or false, not \"" + value + "\"");
        };
    }
}
