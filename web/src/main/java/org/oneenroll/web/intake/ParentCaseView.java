package org.oneenroll.web.intake;

import jakarta.enterprise.context.RequestScoped;
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

    private String number;
    private FamilyCase detail;

    public void load() {
        try {
            detail = familyCases.view(number == null ? "" : number);
        } catch (InvalidValueException e) {
            detail = null;
            ParentScreens.refuse(e.getMessage());
        }
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

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }
}
