package org.oneenroll.web.review;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.boundary.Reviews;
import org.oneenroll.review.control.DecisionRules;
import org.oneenroll.review.entity.CaseDetail;
import org.oneenroll.review.entity.DecisionKind;
import org.oneenroll.review.entity.DecisionOutcome;
import org.oneenroll.review.entity.DecisionRequest;
import org.oneenroll.review.entity.ReviewReason;
import org.oneenroll.verification.entity.Proof;

/**
 * 办件审核: one case with each source's answer beside what the family typed, and the decision dialog (approve,
 * reject with a reason, return for proofs with a deadline, always with the reviewer's 办理意见 where required).
 * The decision carries the version shown; if someone else changed the case meanwhile, the reviewer is told and
 * the case is shown afresh, nothing overwritten.
 */
@Named
@ViewScoped
public class CaseView implements Serializable {

    private static final Logger LOG = Logger.getLogger(CaseView.class.getName());

    private static final long serialVersionUID = 1L;

    @Inject
    transient Reviews reviews;

    private String number;
    private CaseDetail detail;
    private List<ReviewReason> reasons = List.of();
    private String kind = DecisionKind.APPROVE.name();
    private String reasonCode;
    private String comment;
    // mutable: Faces makes the submitted values a new instance of this list's class
    private List<String> proofs = new java.util.ArrayList<>();
    /** What the family uploaded or the counter scanned; each opens in the proof viewer ({@code /staff/proof}). */
    private List<org.oneenroll.intake.entity.ApplicationViews.ProofFile> uploaded = List.of();

    private LocalDate deadline;
    private String key;

    /** Loads the case named in the address; an unknown number or one outside the caller's scope reads the same. */
    public void load() {
        try {
            detail = reviews.detail(number == null ? "" : number);
            uploaded = reviews.proofs(detail.caseNumber());
            reasons = reviews.reasons();
            newDialog();
        } catch (InvalidValueException e) {
            detail = null;
            Screens.refuse(null, e);
        }
    }

    /** A fresh decision dialog: a new idempotency key, the deadline a week away. */
    public void newDialog() {
        key = UUID.randomUUID().toString();
        kind = DecisionKind.APPROVE.name();
        reasonCode = null;
        comment = null;
        proofs = new java.util.ArrayList<>();
        deadline = LocalDate.now(Clocks.SHANGHAI).plusDays(7);
    }

    /** 开始审核: takes the case into review, so it shows as the caller's in the queue and the backlog. */
    public void take() {
        try {
            reviews.take(detail.caseNumber(), detail.version());
            detail = reviews.detail(detail.caseNumber());
        } catch (InvalidValueException e) {
            Screens.refuse(null, e);
            if (e.messageKey().equals("review.stale")) {
                detail = reviews.detail(detail.caseNumber());
            }
        }
    }

    /** Sends the decision; a refusal is shown at its field, a stale case is reloaded. */
    public void decide() {
        Set<Proof> chosen = EnumSet.noneOf(Proof.class);
        proofs.forEach(p -> chosen.add(Proof.valueOf(p)));
        DecisionKind k = DecisionKind.valueOf(kind);
        DecisionRequest request = new DecisionRequest(
                detail.caseNumber(),
                detail.version(),
                k,
                k == DecisionKind.REJECT ? reasonCode : null,
                comment,
                k == DecisionKind.RETURN ? chosen : null,
                k == DecisionKind.RETURN ? deadline : null,
                key);
        try {
            DecisionOutcome outcome = reviews.decide(request);
            Screens.info(Screens.text("review.decided")
                    .replace("{0}", outcome.status().label()));
            detail = reviews.detail(detail.caseNumber());
            newDialog();
        } catch (InvalidValueException e) {
            Screens.refuse(fieldOf(e.field()), e);
            if (e.messageKey().equals("review.stale")) {
                detail = reviews.detail(detail.caseNumber());
                newDialog();
            }
        } catch (EJBException e) {
            // The decision's transaction rolled back (the database, a lock): nothing was changed.
            LOG.log(Level.WARNING, "Review decision failed on " + detail.caseNumber(), e);
            Screens.error(Screens.text("action.failed"));
        }
    }

    private static String fieldOf(String field) {
        return switch (field) {
            case "comment", "reasonCode", "proofs", "deadline" -> "decision:" + field;
            default -> null;
        };
    }

    public String time(Instant at) {
        return Screens.time(at);
    }

    public List<String> getProofOptions() {
        return EnumSet.allOf(Proof.class).stream().map(Enum::name).toList();
    }

    public String proofLabel(String proof) {
        return Proof.valueOf(proof).label().render(null);
    }

    public int getMaxComment() {
        return DecisionRules.MAX_COMMENT;
    }

    public List<org.oneenroll.intake.entity.ApplicationViews.ProofFile> getUploaded() {
        return uploaded;
    }

    public String size(org.oneenroll.intake.entity.ApplicationViews.ProofFile file) {
        return file.size() < 1024 * 1024
                ? (file.size() + 1023) / 1024 + " KB"
                : String.format("%.1f MB", file.size() / 1048576.0);
    }

    public String uploadedAt(org.oneenroll.intake.entity.ApplicationViews.ProofFile file) {
        return Screens.time(file.uploadedAt());
    }

    public CaseDetail getDetail() {
        return detail;
    }

    public List<ReviewReason> getReasons() {
        return reasons;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public void setReasonCode(String reasonCode) {
        this.reasonCode = reasonCode;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public List<String> getProofs() {
        return proofs;
    }

    public void setProofs(List<String> proofs) {
        this.proofs = proofs == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(proofs);
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }
}
