package org.oneenroll.web.identity;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.identity.boundary.ParentLogins;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;
import org.primefaces.PrimeFaces;

/**
 * 家长登录: the number, "获取验证码" (the next one after a countdown), the code and 登录. Refusals are shown at
 * their field in Chinese and the number stays as typed. A parent sent here from one of their pages goes back
 * there after signing in, else to their cases. Request-scoped on a transient view: no session until signed in.
 */
@Named
@RequestScoped
public class ParentLoginView {

    private static final Logger LOG = Logger.getLogger(ParentLoginView.class.getName());
    static final String CASES = "/parent/cases.xhtml";
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(Clocks.SHANGHAI);

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ParentLogins logins;

    @Inject
    SignInRefusal refusal;

    private String phone;
    private String code;
    private String sent;

    /** A parent already signed in does not need this page. */
    public void init() throws IOException {
        if (securityContext.isCallerInRole(ParentLogins.ROLE)) {
            ExternalContext external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + CASES);
        }
    }

    /** 获取验证码: sends a code, or says at the number why not (and, if too soon, how long to wait). */
    public void requestCode() {
        PhoneNumber number = number();
        if (number == null) {
            return;
        }
        try {
            ParentLogins.CodeSent codeSent =
                    logins.requestCode(number, request().getRemoteAddr());
            sent = text("parent.login.sent")
                    .replace("{0}", codeSent.maskedPhone())
                    .replace("{1}", CLOCK.format(codeSent.expiresAt()));
            countdown(Duration.between(java.time.Instant.now(), codeSent.resendAt())
                    .toSeconds());
        } catch (InvalidValueException e) {
            refuse("login:phone", e);
            if (e.messageKey().equals("parent-login.too-soon")) {
                countdown(((Number) e.arguments()[0]).longValue());
            }
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "A sign-in code for " + number.masked() + " could not be sent", e);
            refuse("login:phone", text("action.failed"));
        }
    }

    /** 登录: hands number and code to Jakarta Security; on success the mechanism or this bean redirects. */
    public void signIn() throws IOException {
        PhoneNumber number = number();
        if (number == null) {
            return;
        }
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                request(),
                (HttpServletResponse) external.getResponse(),
                // Not a new authentication: a parent sent here from one of their pages goes back there.
                AuthenticationParameters.withParams().credential(new ParentCodeCredential(number, code)));
        code = null;
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + CASES);
            default -> refusal.reason()
                    .ifPresentOrElse(
                            e -> refuse("login:code", e), () -> refuse("login:code", text("parent.login.failed")));
        }
    }

    private PhoneNumber number() {
        try {
            return PhoneNumber.of(phone);
        } catch (InvalidValueException e) {
            refuse("login:phone", e);
            return null;
        }
    }

    private void countdown(long seconds) {
        PrimeFaces.current().ajax().addCallbackParam("wait", Math.max(1, seconds));
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    private void refuse(String clientId, InvalidValueException e) {
        refuse(clientId, e.getMessage());
    }

    private void refuse(String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    private String text(String key) {
        ResourceBundle ui = faces.getApplication().getResourceBundle(faces, "ui");
        return ui.getString(key);
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** "验证码已发送至138****8000 ..." once a code went out in this request. */
    public String getSent() {
        return sent;
    }
}
