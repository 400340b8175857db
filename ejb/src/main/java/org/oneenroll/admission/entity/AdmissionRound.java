package org.oneenroll.admission.entity;

import jakarta.persistence.Column;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;

/**
 * 录取批次: one county's draw for a year and stage, from the prepared input (published by its hash before the
 * ceremony) through the recorded seed and the computed result to publication. Guards its own life: one seed,
 * one draw, publication only after the draw, cancellation only before publication.
 */
@Entity
@Table(name = "admission_round")
@NamedQuery(
        name = AdmissionRound.OF_STAGE,
        query = "select r from AdmissionRound r where r.county = :county and r.year = :year and r.stage = :stage"
                + " order by r.roundNumber desc")
public class AdmissionRound {

    public static final String OF_STAGE = "AdmissionRound.ofStage";
    static final int MAX_REASON = 200;

    @Id
    @SequenceGenerator(name = "admission_round_seq", sequenceName = "admission_round_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admission_round_seq")
    private Long id;

    @Column(name = "county_code", nullable = false, length = 6)
    private RegionCode county;

    @Column(name = "plan_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Stage stage;

    @Column(name = "round_number", nullable = false)
    private int roundNumber;

    @Column(name = "plan_id", nullable = false)
    private long planId;

    @Column(name = "plan_reference", nullable = false, length = 64)
    private String planReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private RoundStatus status;

    @Column(name = "open_key", length = 32)
    private String openKey;

    @Column(name = "child_count", nullable = false)
    private int childCount;

    @Column(name = "input_text", nullable = false)
    private byte[] inputText;

    @Column(name = "input_sha256", nullable = false, length = 64)
    private String inputSha256;

    @Column(name = "prepared_by", nullable = false, length = 64)
    private String preparedBy;

    @Column(name = "prepared_at", nullable = false)
    private Instant preparedAt;

    @Column(name = "seed_hex", length = 128)
    private String seedHex;

    @Column(name = "seed_entered_by", length = 64)
    private String seedEnteredBy;

    @Column(name = "seed_entered_at")
    private Instant seedEnteredAt;

    @Column(name = "result_text")
    private byte[] resultText;

    @Column(name = "result_sha256", length = 64)
    private String resultSha256;

    @Column(name = "admitted")
    private Integer admitted;

    @Column(name = "reallocated")
    private Integer reallocated;

    @Column(name = "unplaced")
    private Integer unplaced;

    @Column(name = "published_by", length = 64)
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "cancelled_by", length = 64)
    private String cancelledBy;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancel_reason", length = MAX_REASON)
    private String cancelReason;

    @Version
    private long version;

    protected AdmissionRound() {}

    /** A round prepared now from the canonical input (its exact bytes and their SHA-256). */
    public AdmissionRound(
            RegionCode county,
            int year,
            Stage stage,
            int roundNumber,
            long planId,
            String planReference,
            int childCount,
            byte[] inputText,
            String inputSha256,
            String actor,
            Instant now) {
        this.county = county;
        this.year = year;
        this.stage = stage;
        this.roundNumber = roundNumber;
        this.planId = planId;
        this.planReference = planReference;
        this.childCount = childCount;
        this.inputText = inputText.clone();
        this.inputSha256 = inputSha256;
        this.preparedBy = actor;
        this.preparedAt = now;
        this.status = RoundStatus.PREPARED;
        this.openKey = openKey(county, year, stage);
    }

    /** The value of the unique {@code open_key} column while a round of the county, year and stage is open. */
    public static String openKey(RegionCode county, int year, Stage stage) {
        return county.value() + "-" + year + "-" + stage.name();
    }

    /**
     * Records the ceremony seed and the result of the one draw of this round.
     *
     * @throws InvalidValueException when the round is not waiting for its draw (drawn already, published,
     *                               cancelled)
     */
    public void drawn(
            String seedHex,
            String actor,
            Instant now,
            byte[] result,
            String resultSha256,
            int admitted,
            int reallocated,
            int unplaced) {
        requireDrawable();
        this.seedHex = seedHex;
        this.seedEnteredBy = actor;
        this.seedEnteredAt = now;
        this.resultText = result.clone();
        this.resultSha256 = resultSha256;
        this.admitted = admitted;
        this.reallocated = reallocated;
        this.unplaced = unplaced;
        this.status = RoundStatus.DRAWN;
    }

    /**
     * @throws InvalidValueException unless the round waits for its one draw (a second draw is refused)
     */
    public void requireDrawable() {
        if (status != RoundStatus.PREPARED) {
            throw new InvalidValueException(
                    "round",
                    status == RoundStatus.DRAWN ? "admission.round.drawn-already" : "admission.round.state",
                    roundNumber,
                    status.label(org.oneenroll.platform.control.Messages.DEFAULT_LOCALE));
        }
    }

    /**
     * Marks the drawn round published: its placements are final.
     *
     * @throws InvalidValueException unless the round is drawn
     */
    public void published(String actor, Instant now) {
        require(RoundStatus.DRAWN);
        this.publishedBy = actor;
        this.publishedAt = now;
        this.status = RoundStatus.PUBLISHED;
        this.openKey = null;
    }

    /**
     * Abandons the round before publication (a wrong plan, a disrupted ceremony); another may then be prepared.
     *
     * @throws InvalidValueException without a reason, or once the round is published or cancelled
     */
    public void cancel(String actor, Instant now, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "admission.round.cancel-reason");
        }
        if (!status.open()) {
            throw new InvalidValueException(
                    "round",
                    "admission.round.state",
                    roundNumber,
                    status.label(org.oneenroll.platform.control.Messages.DEFAULT_LOCALE));
        }
        String r = reason.strip();
        this.cancelReason = r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON);
        this.cancelledBy = actor;
        this.cancelledAt = now;
        this.status = RoundStatus.CANCELLED;
        this.openKey = null;
    }

    /** @throws InvalidValueException unless the round is in {@code expected} */
    public void require(RoundStatus expected) {
        if (status != expected) {
            throw new InvalidValueException(
                    "round",
                    "admission.round.state-expected",
                    roundNumber,
                    status.label(org.oneenroll.platform.control.Messages.DEFAULT_LOCALE),
                    expected.label(org.oneenroll.platform.control.Messages.DEFAULT_LOCALE));
        }
    }

    public Long id() {
        return id;
    }

    public RegionCode county() {
        return county;
    }

    public int year() {
        return year;
    }

    public Stage stage() {
        return stage;
    }

    public int roundNumber() {
        return roundNumber;
    }

    public long planId() {
        return planId;
    }

    public String planReference() {
        return planReference;
    }

    public RoundStatus status() {
        return status;
    }

    public int childCount() {
        return childCount;
    }

    /** The canonical input exactly as hashed and published. */
    public byte[] inputText() {
        return inputText.clone();
    }

    public String inputSha256() {
        return inputSha256;
    }

    public String preparedBy() {
        return preparedBy;
    }

    public Instant preparedAt() {
        return preparedAt;
    }

    public String seedHex() {
        return seedHex;
    }

    public String seedEnteredBy() {
        return seedEnteredBy;
    }

    public Instant seedEnteredAt() {
        return seedEnteredAt;
    }

    /** The canonical result exactly as hashed, or null before the draw. */
    public byte[] resultText() {
        return resultText == null ? null : resultText.clone();
    }

    /** The canonical result as text (UTF-8), or null before the draw. */
    public String resultAsText() {
        return resultText == null ? null : new String(resultText, StandardCharsets.UTF_8);
    }

    public String resultSha256() {
        return resultSha256;
    }

    public Integer admitted() {
        return admitted;
    }

    public Integer reallocated() {
        return reallocated;
    }

    public Integer unplaced() {
        return unplaced;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String cancelledBy() {
        return cancelledBy;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public long version() {
        return version;
    }
}
