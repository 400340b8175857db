package org.oneenroll.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.SealedTextConverter;
import org.oneenroll.intake.control.ApplicationFormJson;

/**
 * What one parent (or one counter staff member for a walk-in family) has typed of one application so far, and
 * how far the wizard got. Saved at every step; it points at the case once the form is submitted for the checks,
 * and is closed when the family confirms the application.
 */
@Entity
@Table(name = "application_draft")
@NamedQuery(
        name = ApplicationDraft.OPEN_BY_OWNER,
        query = "select d from ApplicationDraft d where d.ownerKey = :owner and d.closedAt is null"
                + " order by d.updatedAt desc")
public class ApplicationDraft {

    public static final String OPEN_BY_OWNER = "ApplicationDraft.openByOwner";

    @Id
    @SequenceGenerator(name = "application_draft_seq", sequenceName = "application_draft_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_draft_seq")
    private Long id;

    @Column(name = "owner_key", nullable = false, length = 80)
    private String ownerKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "county_code", nullable = false, length = 6)
    private RegionCode county;

    @Column(name = "plan_year", nullable = false)
    private int year;

    @Convert(converter = SealedTextConverter.class)
    @Column(name = "form_sealed", nullable = false)
    private String form;

    @Column(nullable = false)
    private int step;

    @Column(name = "case_number", length = 24)
    private String caseNumber;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected ApplicationDraft() {}

    public ApplicationDraft(String ownerKey, Channel channel, RegionCode county, int year, Instant now) {
        this.ownerKey = ownerKey;
        this.channel = channel;
        this.county = county;
        this.year = year;
        this.form = ApplicationFormJson.write(new ApplicationForm());
        this.step = 0;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Keeps what was typed and the step reached, whatever is still wrong in it. */
    public void save(ApplicationForm typed, int reached, Instant now) {
        requireOpen();
        if (caseNumber != null) {
            // The fields a case was submitted with stay as submitted; only the choices may still change.
            ApplicationForm kept = form();
            kept.setChoices(typed.getChoices());
            typed = kept;
        }
        this.form = ApplicationFormJson.write(typed);
        this.step = Math.max(0, reached);
        this.updatedAt = now;
    }

    /** The form was submitted as {@code number}: from now on its fields are the case's. */
    public void submitted(String number, Instant now) {
        requireOpen();
        this.caseNumber = number;
        this.updatedAt = now;
    }

    /** The family confirmed the application: the draft is done. */
    public void close(Instant now) {
        requireOpen();
        this.closedAt = now;
        this.updatedAt = now;
    }

    private void requireOpen() {
        if (closedAt != null) {
            throw new org.oneenroll.platform.entity.InvalidValueException("draft", "apply.draft-closed");
        }
    }

    public Long id() {
        return id;
    }

    public String ownerKey() {
        return ownerKey;
    }

    public Channel channel() {
        return channel;
    }

    public RegionCode county() {
        return county;
    }

    public int year() {
        return year;
    }

    /** A copy of the form as saved. */
    public ApplicationForm form() {
        return ApplicationFormJson.read(form);
    }

    public int step() {
        return step;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean closed() {
        return closedAt != null;
    }

    public long version() {
        return version;
    }
}
