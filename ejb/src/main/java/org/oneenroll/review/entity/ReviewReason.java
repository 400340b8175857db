package org.oneenroll.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A reason a case is not approved, from the list the county maintains; some need the reviewer's own words
 * (办理意见) beside them. Deactivated, never deleted: old decisions keep naming it.
 */
@Entity
@Table(name = "review_reason")
@NamedQuery(
        name = ReviewReason.ACTIVE,
        query = "select r from ReviewReason r where r.active = true order by r.position")
public class ReviewReason implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final String ACTIVE = "ReviewReason.active";

    @Id
    @Column(length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "comment_required", nullable = false)
    private boolean commentRequired;

    protected ReviewReason() {}

    public ReviewReason(String code, String label, int position, boolean commentRequired) {
        this.code = code;
        this.label = label;
        this.position = position;
        this.active = true;
        this.commentRequired = commentRequired;
    }

    public String code() {
        return code;
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
}
