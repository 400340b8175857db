package org.oneenroll.web.intake;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import org.oneenroll.intake.boundary.FamilyCases;
import org.oneenroll.intake.entity.FamilyCase;
import org.oneenroll.intake.entity.NextStep;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * 办理进度: one of the parent's cases — where it is, what to do next, what each check found, its history — with
 * the receipt to print. A number that is not the parent's reads like one that does not exist: nothing is shown.
 */
@Named
@RequestScoped
public class ParentCaseView {

    @Inject
    FamilyCases familyCases;

    /** The key of the withdrawals' outcome messages, shown at the top of the page only. */
    static final String CASE_ACTIONS = "caseActions";

    private String number;
    private FamilyCase detail;
    private String reason;

    public void load() {
        try {
            detail = familyCases.view(number == null ? "" : number);
        } catch (InvalidValueException e) {
            detail = null;
            ParentScreens.refuse(e.getMessage());
        }
    }

    /** 撤回申请: the reason is checked by the boundary, so a refusal still shows the case with its message. */
    public void withdraw() {
        act(() -> familyCases.withdraw(number, reason), "parent.case.withdrawn", "withdrawForm:reason");
    }

    /** 撤回授权. */
    public void withdrawConsent() {
        act(() -> familyCases.withdrawConsent(number), "parent.case.consent.withdrawn", "consentForm:withdrawConsent");
    }

    /**
     * Runs a withdrawal and loads the case again. The outcome is addressed to the page's own messages (a refusal at
     * its field), never as a global message, which the complaint form on the same page would show as well.
     */
    private void act(Runnable change, String doneKey, String field) {
        FacesContext faces = FacesContext.getCurrentInstance();
        // the view is transient: the case's number comes back with the form, as on the page's address
        number = faces.getExternalContext().getRequestParameterMap().get("number");
        try {
            change.run();
            faces.addMessage(
                    CASE_ACTIONS,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            faces.getApplication()
                                    .getResourceBundle(faces, "ui")
                                    .getString(doneKey),
                            null));
            reason = null;
        } catch (InvalidValueException e) {
            faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        load();
    }

    /**
     * Whether the withdrawal forms are part of the page: on a postback always (they are decoded before the case is
     * loaded again), else as the case allows.
     */
    public boolean isWithdrawShown() {
        return detail == null ? FacesContext.getCurrentInstance().isPostback() : detail.withdrawable();
    }

    public boolean isConsentWithdrawShown() {
        return detail == null ? FacesContext.getCurrentInstance().isPostback() : detail.consentInForce();
    }

    public String time(Instant at) {
        return ParentScreens.time(at);
    }

    /** Whether the next step is done on the application page (upload a proof, authorise the checks). */
    public boolean isApplicationPageNeeded() {
        return detail != null && detail.next().action() != NextStep.Action.NONE;
    }

    public FamilyCase getDetail() {
        return detail;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public int getMaxReason() {
        return FamilyCases.MAX_REASON;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }
}
