package org.oneenroll.web.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which login page an anonymous visitor to a protected page is sent to: parents' pages ({@value #PARENT_AREA})
 * to the parents' SMS sign-in, everything else to the staff sign-in. Read by the authentication mechanism's
 * login-to-continue on each such request (see {@link SecurityConfiguration}).
 */
@Named
@RequestScoped
public class SignInPages {

    static final String PARENT_AREA = "/parent/";
    static final String PARENT_LOGIN = "/parent/login.xhtml";
    static final String STAFF_LOGIN = "/login.xhtml";

    @Inject
    HttpServletRequest request;

    public String getLoginPage() {
        return loginPageFor(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    static String loginPageFor(String path) {
        return path.startsWith(PARENT_AREA) ? PARENT_LOGIN : STAFF_LOGIN;
    }
}
