package org.oneenroll.web.feedback;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.feedback.boundary.Concerns;
import org.oneenroll.feedback.entity.Concern;
import org.oneenroll.feedback.entity.ConcernForm;
import org.oneenroll.feedback.entity.ConcernKind;
import org.oneenroll.feedback.entity.ConcernNotice;
import org.oneenroll.feedback.entity.ConcernReceipt;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * 我要咨询/投诉: the families' form, on the public contact page (no sign-in: request-scoped on a transient view, so
 * submitting creates no session) and on a signed-in parent's case page (their number, that case), with their own
 * items and the county's replies. Refusals are shown at their field in Chinese and what was typed stays.
 */
@Named
@RequestScoped
public class ConcernFormView {

    private static final Logger LOG = Logger.getLogger(ConcernFormView.class.getName());
    /** The form's id on both pages (the include {@code concern-form.xhtml}). */
    static final String FORM = "feedback";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Clocks.SHANGHAI);

    @Inject
    Concerns concerns;

    @Inject
    FacesContext faces;

    private String kind;
    private String phone;
    private String caseNumber;
    private String subject;
    private String text;
    private ConcernReceipt receipt;
    private List<ConcernNotice> mine;

    /** 提交 on the contact page: anyone, no sign-in. */
    public void submit() {
        send(() -> concerns.submit(
                ConcernForm.online(kind(), phone, caseNumber, subject, text),
                request().getRemoteAddr()));
    }

    /** 提交 on a signed-in parent's case page: about the case in the page's address. */
    public void submitAboutCase() {
        String number = faces.getExternalContext().getRequestParameterMap().get("number");
        send(() -> concerns.submitAboutCase(
                number == null ? "" : number, kind(), subject, text, request().getRemoteAddr()));
    }

    private void send(java.util.function.Supplier<ConcernReceipt> submission) {
        try {
            receipt = submission.get();
            // Sent: an empty form for the next one; the receipt says what to quote.
            kind = null;
            phone = null;
            caseNumber = null;
            subject = null;
            text = null;
            mine = null;
        } catch (InvalidValueException e) {
            refuse(clientId(e.field()), e.getMessage());
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "A consultation or complaint could not be stored", e);
            refuse(null, text("action.failed"));
        }
    }

    private ConcernKind kind() {
        return kind == null || kind.isBlank() ? null : ConcernKind.valueOf(kind);
    }

    private static String clientId(String field) {
        return switch (field) {
            case "kind", "phone", "caseNumber", "subject", "text" -> FORM + ":" + field;
            default -> null;
        };
    }

    /** The signed-in parent's items, newest first (their pages only). */
    public List<ConcernNotice> getMine() {
        if (mine == null) {
            mine = concerns.mine();
        }
        return mine;
    }

    /** The signed-in parent's items about one case. */
    public List<ConcernNotice> mineAbout(String number) {
        return getMine().stream()
                .filter(n ->
                        n.caseNumber() != null && n.caseNumber().equalsIgnoreCase(number == null ? "" : number.strip()))
                .toList();
    }

    /** "已收到您的投诉，受理编号……" once this request stored one. */
    public String getReceived() {
        if (receipt == null) {
            return null;
        }
        return text("feedback.form.received")
                .replace("{0}", receipt.kindLabel())
                .replace("{1}", receipt.reference())
                .replace("{2}", DAY.format(receipt.dueOn()))
                .replace("{3}", receipt.maskedPhone());
    }

    public ConcernReceipt getReceipt() {
        return receipt;
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public int getMaxSubject() {
        return Concern.MAX_SUBJECT;
    }

    public int getMaxText() {
        return Concern.MAX_TEXT;
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    private void refuse(String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
    }

    private String text(String key) {
        ResourceBundle ui = faces.getApplication().getResourceBundle(faces, "ui");
        return ui.getString(key);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
