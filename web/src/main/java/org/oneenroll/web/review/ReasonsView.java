package org.oneenroll.web.review;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.boundary.ReviewReasons;
import org.oneenroll.review.entity.ReasonLine;
import org.oneenroll.review.entity.ReviewReason;

/**
 * 不通过理由维护: the county administrator's list of rejection reasons, in the order reviewers see them, with how
 * often each was used; add, reword, move, deactivate or reactivate, and delete one no decision names. Everything goes
 * through {@link ReviewReasons}, which works on the administrator's own county only.
 */
@Named
@ViewScoped
public class ReasonsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ReasonsView.class.getName());

    @Inject
    transient ReviewReasons reasons;

    private List<ReasonLine> lines = List.of();
    private String label;
    private boolean commentRequired;
    private String editCode;
    private String editLabel;
    private boolean editCommentRequired;

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        try {
            lines = reasons.list();
        } catch (InvalidValueException e) {
            lines = List.of();
            Screens.refuse(null, e);
        }
    }

    /** 新增理由, at the end of the list. */
    public void add() {
        change(r -> r.add(label, commentRequired), "reason.added", "reasons:label");
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            label = null;
            commentRequired = false;
        }
    }

    /** 修改: puts the reason's words in the edit row. */
    public void edit(ReasonLine line) {
        editCode = line.code();
        editLabel = line.label();
        editCommentRequired = line.commentRequired();
    }

    public void save() {
        change(r -> r.edit(editCode, editLabel, editCommentRequired), "reason.saved", "reasons:editLabel");
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            cancel();
        }
    }

    public void cancel() {
        editCode = null;
        editLabel = null;
        editCommentRequired = false;
    }

    public void deactivate(String code) {
        change(r -> r.deactivate(code), "reason.deactivated", null);
    }

    public void activate(String code) {
        change(r -> r.activate(code), "reason.activated", null);
    }

    public void up(String code) {
        change(r -> r.move(code, true), null, null);
    }

    public void down(String code) {
        change(r -> r.move(code, false), null, null);
    }

    public void delete(String code) {
        change(r -> r.delete(code), "reason.deleted", null);
    }

    /** Runs a change, shows the refusal at the label field it concerns (or at the top), and shows the list afresh. */
    private void change(Consumer<ReviewReasons> work, String doneKey, String labelField) {
        try {
            work.accept(reasons);
            if (doneKey != null) {
                Screens.info(Screens.text(doneKey));
            }
        } catch (InvalidValueException e) {
            Screens.refuse(e.field().equals("label") ? labelField : null, e);
            FacesContext.getCurrentInstance().validationFailed();
        } catch (EJBException e) {
            // Two administrators changing the list at once: the second waits for the lock; anything else rolls back.
            LOG.log(Level.WARNING, "Changing the rejection reasons failed", e);
            Screens.error(Screens.text("action.failed"));
            FacesContext.getCurrentInstance().validationFailed();
        }
        reload();
    }

    public String time(Instant at) {
        return Screens.time(at);
    }

    /** Whether the county still uses the province's starting list (its first change copies it). */
    public boolean isStarting() {
        return !lines.isEmpty() && lines.get(0).starting();
    }

    public int getMaxLabel() {
        return ReviewReason.MAX_LABEL;
    }

    public List<ReasonLine> getLines() {
        return lines;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public boolean isCommentRequired() {
        return commentRequired;
    }

    public void setCommentRequired(boolean commentRequired) {
        this.commentRequired = commentRequired;
    }

    public String getEditCode() {
        return editCode;
    }

    public String getEditLabel() {
        return editLabel;
    }

    public void setEditLabel(String editLabel) {
        this.editLabel = editLabel;
    }

    public boolean isEditCommentRequired() {
        return editCommentRequired;
    }

    public void setEditCommentRequired(boolean editCommentRequired) {
        this.editCommentRequired = editCommentRequired;
    }
}
