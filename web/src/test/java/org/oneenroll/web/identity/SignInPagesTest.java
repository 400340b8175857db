package org.oneenroll.web.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignInPagesTest {

    @Test
    void parentsPagesSendToTheParentsSignInEverythingElseToTheStaffOne() {
        assertEquals("/parent/login.xhtml", SignInPages.loginPageFor("/parent/cases.xhtml"));
        assertEquals("/parent/login.xhtml", SignInPages.loginPageFor("/parent/receipt"));
        assertEquals("/login.xhtml", SignInPages.loginPageFor("/staff/review.xhtml"));
        assertEquals("/login.xhtml", SignInPages.loginPageFor("/staff/receipt"));
        assertEquals("/login.xhtml", SignInPages.loginPageFor("/parentless.xhtml"));
    }
}
