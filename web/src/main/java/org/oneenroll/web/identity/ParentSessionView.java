package org.oneenroll.web.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.oneenroll.identity.entity.PhoneNumber;

/** The bar on parents' pages: who is signed in (the number masked) and 退出登录. */
@Named
@RequestScoped
public class ParentSessionView {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    /** The signed-in parent's number, masked; empty for anyone else. */
    public String getSignedInAs() {
        Principal caller = securityContext.getCallerPrincipal();
        if (caller == null) {
            return "";
        }
        try {
            return PhoneNumber.of(caller.getName()).masked();
        } catch (IllegalArgumentException notAParent) {
            return "";
        }
    }

    /** Signs out and forgets the session; back to the parents' sign-in. */
    public String signOut() throws ServletException {
        ((HttpServletRequest) faces.getExternalContext().getRequest()).logout();
        faces.getExternalContext().invalidateSession();
        return "/parent/login.xhtml?faces-redirect=true";
    }
}
