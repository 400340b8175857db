package org.oneenroll.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A reason a case is not approved, from the list its county maintains; some need the reviewer's own words (办理意见)
 * beside them. A county uses the province's starting list (no county) until its administrator first changes it,
 * then its own copy. Deactivated, never deleted once a decision names it, and then its words no longer change:
 * old decisions keep saying what the family was told.
 */
@Entity
@Table(name = "review_reason")
@NamedQuery(
        name = ReviewReason.STARTING_LIST,
        query = "select r from ReviewReason r where r.county is null order by r.position, r.code")
@NamedQuery(
        name = ReviewReason.OF_COUNTY,
        query = "select r from ReviewReason r where r.county = :county order by r.position, r.code")
@NamedQuery(name = ReviewReason.USES, query = "select count(d) from ReviewDecision d where d.reasonCode = :code")
public class ReviewReason implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The province's starting list, in order (every county uses it until it has its own). */
    public static final String STARTING_LIST = "ReviewReason.startingList";
    /** A county's own list, in order, deactivated reasons included. */
    public static final String OF_COUNTY = "ReviewReason.ofCounty";
    /** How many decisions name a reason (parameter {@code code}). */
    public static final String USES = "ReviewReason.uses";

    public static final int MAX_LABEL = 100;

    @Id
    @Column(length = 32)
    private String code;

    @Column(name = "county_code", length = 6)
    private String county;

    @Column(nullable = false, length = MAX_LABEL)
    private String label;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "comment_required", nullable = false)
    private boolean commentRequired;

    @Column(name = "changed_by", length = 64)
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    protected ReviewReason() {}

    /** A reason of the starting list (no county), active. */
    public ReviewReason(String code, String label, int position, boolean commentRequired) {
        this.code = code;
        this.label = checkedLabel(label);
        this.position = position;
        this.active = true;
        this.commentRequired = commentRequired;
    }

    /**
     * A reason a county administrator adds at the end of the county's list.
     *
     * @throws InvalidValueException (field {@code label}) for an empty or too long text
     */
    public static ReviewReason added(
            String county, long number, String label, int position, boolean commentRequired, String actor, Instant at) {
        ReviewReason r = new ReviewReason(county + "-R" + number, label, position, commentRequired);
        r.county = county;
        r.changedBy = actor;
        r.changedAt = at;
        return r;
    }

    /** This reason of the starting list copied into a county's own list (same words, place and state). */
    public ReviewReason copyFor(String countyCode, String actor, Instant at) {
        if (county != null) {
            throw new IllegalStateException("only the starting list is copied: " + code);
        }
        ReviewReason r = new ReviewReason(countyCode + "-" + code, label, position, commentRequired);
        r.county = countyCode;
        r.active = active;
        r.changedBy = actor;
        r.changedAt = at;
        return r;
    }

    /**
     * New words (and whether the reviewer must add 办理意见) for a reason no decision names yet.
     *
     * @param uses how many decisions name this reason
     * @throws InvalidValueException (field {@code label}) when decisions name it, or for an empty or too long text
     */
    public void relabel(String newLabel, boolean needsComment, long uses, String actor, Instant at) {
        String checked = checkedLabel(newLabel);
        if (uses > 0 && !checked.equals(label)) {
            throw new InvalidValueException("label", "reason.used-words", label, uses);
        }
        label = checked;
        commentRequired = needsComment;
        changed(actor, at);
    }

    /** Stops offering the reason to reviewers; decisions that name it keep it. */
    public void deactivate(String actor, Instant at) {
        active = false;
        changed(actor, at);
    }

    /** Offers a deactivated reason again. */
    public void activate(String actor, Instant at) {
        active = true;
        changed(actor, at);
    }

    /** Puts the reason at {@code newPosition} in its county's order. */
    public void moveTo(int newPosition, String actor, Instant at) {
        position = newPosition;
        changed(actor, at);
    }

    /**
     * Refuses to delete a reason a decision names: it can only be deactivated.
     *
     * @throws InvalidValueException (field {@code code}) when {@code uses} is not zero
     */
    public void requireUnused(long uses) {
        if (uses > 0) {
            throw new InvalidValueException("code", "reason.used", label, uses);
        }
    }

    /** Whether this reason is on the list of {@code countyCode}'s own reasons. */
    public boolean ownedBy(String countyCode) {
        return county != null && county.equals(countyCode);
    }

    /**
     * A reason's words as typed: blanks around it dropped, not empty, at most {@value #MAX_LABEL} characters.
     *
     * @throws InvalidValueException (field {@code label})
     */
    public static String checkedLabel(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            throw new InvalidValueException("label", "reason.label-required");
        }
        if (t.length() > MAX_LABEL) {
            throw new InvalidValueException("label", "reason.label-too-long", MAX_LABEL);
        }
        return t;
    }

    private void changed(String actor, Instant at) {
        changedBy = actor;
        changedAt = at;
    }

    public String code() {
        return code;
    }

    /** The county whose own list this reason is on; {@code null} for the starting list. */
    public String county() {
        return county;
    }

    public String label() {
        return label;
    }

    public int position() {
        return position;
    }

    public boolean active() {
        return active;
    }

    public boolean commentRequired() {
        return commentRequired;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
