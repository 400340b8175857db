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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A county's enrollment plan for one year and stage: online and counter windows, review and result dates, seats per
 * school, the order of family categories (the priority tiers), the points scheme, the choice and lottery rules and
 * the county's wording of the public texts. A draft is edited; a published revision is read-only and a correction is
 * the next revision, published with its reason and the list of what it changed.
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
@NamedQuery(
        name = EnrollmentPlan.OF_YEAR,
        query = "select p from EnrollmentPlan p where p.year = :year order by p.county, p.stage, p.revision desc")
public class EnrollmentPlan {

    public static final String LATEST_PUBLISHED = "EnrollmentPlan.latestPublished";
    public static final String BY_COUNTY_YEAR = "EnrollmentPlan.byCountyYear";
    /** Every county's plans of a year, latest revision first: supervisors' overview and neighbours' windows. */
    public static final String OF_YEAR = "EnrollmentPlan.ofYear";
    /** How many schools a family may name unless the plan says otherwise (the wizard's rule before plans held it). */
    public static final int DEFAULT_MAX_CHOICES = 2;

    static final int MAX_REASON = 500;
    static final int MAX_TEXT = 4000;
    static final int MAX_SOURCE = 100;

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

    @Column(name = "counter_opens")
    private LocalDate counterOpens;

    @Column(name = "counter_closes")
    private LocalDate counterCloses;

    @Column(name = "review_ends")
    private LocalDate reviewEnds;

    @Column(name = "max_choices", nullable = false)
    private int maxChoices = DEFAULT_MAX_CHOICES;

    @ElementCollection
    @CollectionTable(name = "plan_choice_school", joinColumns = @JoinColumn(name = "plan_id"))
    @Column(name = "school_code", length = 16)
    private Set<String> choiceSchools = new HashSet<>();

    @Column(name = "eligible_children")
    private Integer eligibleChildren;

    @Column(name = "eligible_children_source", length = MAX_SOURCE)
    private String eligibleChildrenSource;

    @ElementCollection
    @CollectionTable(name = "plan_text", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyColumn(name = "text_key", length = 80)
    @Column(name = "body", length = MAX_TEXT)
    private Map<String, String> texts = new TreeMap<>();

    @Column(name = "drafted_by", length = 64)
    private String draftedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by", length = 64)
    private String publishedBy;

    @Column(name = "correction_reason", length = MAX_REASON)
    private String correctionReason;

    @ElementCollection
    @CollectionTable(name = "plan_change", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "line", length = 1000)
    private List<String> changes = new ArrayList<>();

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

    /**
     * Publishes the plan as loaded from elsewhere (the demo county's layout), without an officer: the officer's way is
     * {@link #publish(Instant, String, String, List)} after the checks.
     */
    public void publish(Instant now) {
        if (status == PlanStatus.PUBLISHED) {
            throw new IllegalStateException("plan " + id + " is already published");
        }
        status = PlanStatus.PUBLISHED;
        publishedAt = now;
    }

    /**
     * Publishes the draft: read-only and public from now on. A correction (revision 2 on) needs its reason, and
     * carries the lines saying what it changed against the revision it corrects.
     *
     * @throws InvalidValueException when already published, or a correction without a reason
     */
    public void publish(Instant now, String by, String reason, List<String> changed) {
        requireDraft();
        String why = reason == null ? "" : reason.strip();
        if (revision > 1 && why.isEmpty()) {
            throw new InvalidValueException("reason", "plan.reason-required", revision - 1);
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidValueException("reason", "plan.text-too-long", MAX_REASON);
        }
        status = PlanStatus.PUBLISHED;
        publishedAt = now;
        publishedBy = by;
        correctionReason = why.isEmpty() ? null : why;
        changes.clear();
        changes.addAll(changed);
    }

    /**
     * The next revision of this published plan, a draft with everything copied, for the officer to correct.
     *
     * @throws InvalidValueException when this revision is not published (a draft is edited, not corrected)
     */
    public EnrollmentPlan correction(String by) {
        if (status != PlanStatus.PUBLISHED) {
            throw new InvalidValueException("plan", "plan.correct-draft", revision);
        }
        EnrollmentPlan next = copy(year, revision + 1, 0);
        next.draftedBy = by;
        return next;
    }

    /**
     * A first draft for another year made from this plan: every date moved by the difference in years, the rest
     * copied (seats, tiers, points, choice and lottery rules, the county's texts).
     */
    public EnrollmentPlan carriedOver(int toYear, String by) {
        EnrollmentPlan next = copy(toYear, 1, toYear - year);
        next.eligibleChildren = null;
        next.eligibleChildrenSource = null;
        next.draftedBy = by;
        return next;
    }

    private EnrollmentPlan copy(int toYear, int toRevision, int years) {
        EnrollmentPlan next = new EnrollmentPlan(
                county,
                toYear,
                stage,
                toRevision,
                shift(onlineOpens, years),
                shift(onlineCloses, years),
                shift(resultsOn, years),
                shift(termStarts, years),
                lotteryRule,
                categoryOrder,
                pointsScheme,
                seats);
        next.counterOpens = shift(counterOpens, years);
        next.counterCloses = shift(counterCloses, years);
        next.reviewEnds = shift(reviewEnds, years);
        next.maxChoices = maxChoices;
        next.choiceSchools.addAll(choiceSchools);
        next.eligibleChildren = eligibleChildren;
        next.eligibleChildrenSource = eligibleChildrenSource;
        next.texts.putAll(texts);
        return next;
    }

    private static Instant shift(Instant moment, int years) {
        return years == 0
                ? moment
                : moment.atZone(Clocks.SHANGHAI).plusYears(years).toInstant();
    }

    private static LocalDate shift(LocalDate day, int years) {
        return day == null ? null : day.plusYears(years);
    }

    /**
     * The plan's dates. Only the online window must be in order to be saved (the public pages and applications
     * depend on it); the other rules are the checks' to list, so a draft can be saved half done.
     */
    public void reschedule(
            Instant onlineOpens,
            Instant onlineCloses,
            LocalDate counterOpens,
            LocalDate counterCloses,
            LocalDate reviewEnds,
            LocalDate resultsOn,
            LocalDate termStarts) {
        requireDraft();
        if (onlineOpens == null) {
            throw new InvalidValueException("onlineOpens", "field.required", "网上报名开始时间");
        }
        if (onlineCloses == null) {
            throw new InvalidValueException("onlineCloses", "field.required", "网上报名截止时间");
        }
        if (!onlineOpens.isBefore(onlineCloses)) {
            throw new InvalidValueException("onlineCloses", "plan.window-order");
        }
        this.onlineOpens = onlineOpens;
        this.onlineCloses = onlineCloses;
        this.counterOpens = counterOpens;
        this.counterCloses = counterCloses;
        this.reviewEnds = reviewEnds;
        this.resultsOn = resultsOn;
        this.termStarts = termStarts;
    }

    /** The seats per school; a school named twice is refused (which line would count?). */
    public void allocateSeats(List<PlanSeat> newSeats) {
        requireDraft();
        Set<String> seen = new HashSet<>();
        for (PlanSeat seat : newSeats) {
            if (!seen.add(seat.schoolCode())) {
                throw new InvalidValueException("seats", "plan.seat-twice", seat.schoolCode());
            }
        }
        seats.clear();
        seats.addAll(newSeats);
    }

    public void orderCategories(List<FamilyCategory> order) {
        requireDraft();
        categoryOrder.clear();
        categoryOrder.addAll(order);
    }

    public void scorePoints(List<PointsItem> items) {
        requireDraft();
        pointsScheme.clear();
        pointsScheme.addAll(items);
    }

    /**
     * How many schools a family may name and which accept choices; no school listed means every private school of the
     * plan (公民同招).
     */
    public void ruleChoices(int max, Collection<String> schools) {
        requireDraft();
        if (max < 0) {
            throw new InvalidValueException("maxChoices", "plan.choices-negative", max);
        }
        maxChoices = max;
        choiceSchools.clear();
        choiceSchools.addAll(schools);
    }

    public void drawBy(LotteryRule rule) {
        requireDraft();
        if (rule == null) {
            throw new InvalidValueException("lotteryRule", "field.required", "摇号规则");
        }
        lotteryRule = rule;
    }

    /**
     * The officer's estimate of the age-eligible children and where it comes from: the server holds no population
     * statistics, so the seats check compares with this figure.
     */
    public void estimateChildren(Integer count, String source) {
        requireDraft();
        if (count != null && count < 0) {
            throw new InvalidValueException("eligibleChildren", "plan.children-negative", count);
        }
        String from = source == null ? "" : source.strip();
        if (from.length() > MAX_SOURCE) {
            throw new InvalidValueException("eligibleChildrenSource", "plan.text-too-long", MAX_SOURCE);
        }
        eligibleChildren = count;
        eligibleChildrenSource = from.isEmpty() ? null : from;
    }

    /**
     * The county's wording of the public texts, by the policy bundle's keys (a material group's value is its
     * comma-separated material ids, and may be empty: the checks then say the group lists nothing).
     */
    public void rewriteTexts(Map<String, String> byKey) {
        requireDraft();
        Map<String, String> kept = new TreeMap<>();
        byKey.forEach((key, body) -> {
            String text = body == null ? "" : body.strip();
            if (text.length() > MAX_TEXT) {
                throw new InvalidValueException("texts", "plan.text-too-long", MAX_TEXT);
            }
            kept.put(key, text);
        });
        texts.clear();
        texts.putAll(kept);
    }

    /** Who began this draft (a first plan; corrections and carried-over plans say so when they are made). */
    public void startedBy(String by) {
        requireDraft();
        draftedBy = by;
    }

    private void requireDraft() {
        if (status != PlanStatus.DRAFT) {
            throw new InvalidValueException("plan", "plan.read-only", revision);
        }
    }

    /** Whether a family may name this school: the plan takes choices and lists it (or, listing none, it is private). */
    public boolean acceptsChoices(String schoolCode, boolean privateSchool) {
        if (maxChoices == 0) {
            return false;
        }
        return choiceSchools.isEmpty() ? privateSchool : choiceSchools.contains(schoolCode);
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

    public LocalDate counterOpens() {
        return counterOpens;
    }

    public LocalDate counterCloses() {
        return counterCloses;
    }

    public LocalDate reviewEnds() {
        return reviewEnds;
    }

    public int maxChoices() {
        return maxChoices;
    }

    /** The schools listed as taking choices, in code order; empty means every private school of the plan. */
    public Set<String> choiceSchools() {
        return new TreeSet<>(choiceSchools);
    }

    public Integer eligibleChildren() {
        return eligibleChildren;
    }

    public String eligibleChildrenSource() {
        return eligibleChildrenSource;
    }

    /** The county's texts by key, in key order. */
    public Map<String, String> texts() {
        return new TreeMap<>(texts);
    }

    public String draftedBy() {
        return draftedBy;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public String correctionReason() {
        return correctionReason;
    }

    /** What this revision changed against the one it corrects, one line per field, as published. */
    public List<String> changes() {
        return List.copyOf(changes);
    }

    public long version() {
        return version;
    }

    /** The schools with seats, in the order the plan lists them. */
    public Set<String> schoolsWithSeats() {
        Set<String> codes = new LinkedHashSet<>();
        seats.stream().filter(s -> s.seats() > 0).forEach(s -> codes.add(s.schoolCode()));
        return codes;
    }
}
