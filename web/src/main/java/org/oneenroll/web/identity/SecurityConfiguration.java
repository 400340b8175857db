package org.oneenroll.web.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Staff and parents sign in through their Faces login pages; protected pages (see web.xml) send an anonymous
 * visitor to the one for them ({@link SignInPages}: parents' pages to the parents' page). Jakarta Security 3 has
 * one authentication mechanism per application, so the login page is an expression evaluated per request.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue =
                @LoginToContinue(loginPage = "#{signInPages.loginPage}", errorPage = "", useForwardToLogin = false))
@FacesConfig
@ApplicationScoped
public class SecurityConfiguration {}
