package org.oneenroll.policy.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A county's enrollment plan for one year and stage: application windows, seats per school, the order of
 * family categories (the priority tiers), the points scheme and the lottery rule. Published plans are
 * read-only; a correction is a new revision.
 */
@Entity
@Table(name = "enrollment_plan")
@NamedQuery(
        name = EnrollmentPlan.LATEST_PUBLISHED,
        query =
                "select p from EnrollmentPlan p where p.county = :county"
                        + " and p.status = org.oneenroll.policy.entity.PlanStatus.PUBLISHED order by p.year desc, p.stage, p.revision desc")
@NamedQuery(
        name = EnrollmentPlan.BY_COUNTY_YEAR,
        query = "select p from EnrollmentPlan p where p.county = :county"
                + " and p.year = :year order by p.stage, p.revision desc")
public class EnrollmentPlan {

    public static final String LATEST_PUBLISHED = "EnrollmentPlan.latestPublished";
    public static final String BY_COUNTY_YEAR = "EnrollmentPlan.byCountyYear";

    @Id
    @SequenceGenerator(name = "plan_seq", sequenceName = "plan_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_seq")
    private Long id;

    @Column(name = "county_code", nullable = false, length = 6)
    private RegionCode county;

    @Column(name = "plan_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Stage stage;

    @Column(nullable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private PlanStatus status = PlanStatus.DRAFT;

    @Column(name = "online_opens", nullable = false)
    private Instant onlineOpens;

    @Column(name = "online_closes", nullable = false)
    private Instant onlineCloses;

    @Column(name = "results_on")
    private LocalDate resultsOn;

    @Column(name = "term_starts")
    private LocalDate termStarts;

    @Enumerated(EnumType.STRING)
    @Column(name = "lottery_rule", nullable = false, length = 32)
    private LotteryRule lotteryRule;

    @ElementCollection
    @CollectionTable(name = "plan_category_order", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 32)
    private List<FamilyCategory> categoryOrder = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_points_item", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<PointsItem> pointsScheme = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_seat", joinColumns = @JoinColumn(name = "plan_id"))
    private List<PlanSeat> seats = new ArrayList<>();

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected EnrollmentPlan() {}

    public EnrollmentPlan(
            RegionCode county,
            int year,
            Stage stage,
            int revision,
            Instant onlineOpens,
            Instant onlineCloses,
            LocalDate resultsOn,
            LocalDate termStarts,
            LotteryRule lotteryRule,
            List<FamilyCategory> categoryOrder,
            List<PointsItem> pointsScheme,
            List<PlanSeat> seats) {
        if (!onlineOpens.isBefore(onlineCloses)) {
            throw new InvalidValueException("onlineWindow", "plan.window-order");
        }
        this.county = county;
        this.year = year;
        this.stage = stage;
        this.revision = revision;
        this.onlineOpens = onlineOpens;
        this.onlineCloses = onlineCloses;
        this.resultsOn = resultsOn;
        this.termStarts = termStarts;
        this.lotteryRule = lotteryRule;
        this.categoryOrder = new ArrayList<>(categoryOrder);
        this.pointsScheme = new ArrayList<>(pointsScheme);
        this.seats = new ArrayList<>(seats);
    }

    public void publish(Instant now) {
        if (status == PlanStatus.PUBLISHED) {
            throw new IllegalStateException("plan " + id + " is already published");
        }
        status = PlanStatus.PUBLISHED;
        publishedAt = now;
    }

    public boolean windowOpenAt(Instant moment) {
        return windowStateAt(moment) == WindowState.OPEN;
    }

    /** The window opens at {@code onlineOpens} (inclusive) and closes at {@code onlineCloses} (exclusive). */
    public WindowState windowStateAt(Instant moment) {
        if (moment.isBefore(onlineOpens)) {
            return WindowState.NOT_YET_OPEN;
        }
        return moment.isBefore(onlineCloses) ? WindowState.OPEN : WindowState.CLOSED;
    }

    public int totalSeats() {
        return seats.stream().mapToInt(PlanSeat::seats).sum();
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

    public int revision() {
        return revision;
    }

    public PlanStatus status() {
        return status;
    }

    public Instant onlineOpens() {
        return onlineOpens;
    }

    public Instant onlineCloses() {
        return onlineCloses;
    }

    public LocalDate resultsOn() {
        return resultsOn;
    }

    public LocalDate termStarts() {
        return termStarts;
    }

    public LotteryRule lotteryRule() {
        return lotteryRule;
    }

    public List<FamilyCategory> categoryOrder() {
        return List.copyOf(categoryOrder);
    }

    public List<PointsItem> pointsScheme() {
        return List.copyOf(pointsScheme);
    }

    public List<PlanSeat> seats() {
        return List.copyOf(seats);
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
