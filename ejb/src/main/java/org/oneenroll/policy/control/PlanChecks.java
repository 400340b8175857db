package org.oneenroll.policy.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanCheckReport;
import org.oneenroll.policy.entity.PlanFinding;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.PointsItem;
import org.oneenroll.policy.entity.SchoolOwnership;

/**
 * The rules a plan must meet before it is published, each refusal naming the rule and the figures: dates in order
 * and in the plan's year, published two months before applications open and finished seven days before term (seed
 * 001), seats only for the county's schools and every public school with seats serving a zone, every address unit in
 * exactly one zone, all six tiers ordered, points only for the four items seed 001 allows, choices only for private
 * schools, a lottery the admission program runs, contacts that work, a material list with something in each group,
 * and a correction that changes something. Warnings do not block: windows overlapping a neighbouring county's (seed
 * 004), fewer seats than the estimated children, seats above a school's capacity, last year's year in a text. Pure:
 * the boundary gathers the facts.
 */
public final class PlanChecks {

    /** 原则上应提前2个月向社会发布招生工作方案 (seed 001, 八、办理期限). */
    static final int NOTICE_MONTHS = 2;
    /** 整体招生工作应于秋季学期开学前7日完成 (seed 001): results are the last step. */
    static final int DAYS_BEFORE_TERM = 7;

    static final int MAX_CHOICES = 5;
    static final int MAX_POINTS = 100;
    /** How many examples a finding names before "等N个". */
    static final int EXAMPLES = 5;

    private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{3,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern YEAR = Pattern.compile("(20[0-9]{2})年");

    private PlanChecks() {}

    /** A school of the county as the checks see it. */
    public record SchoolFacts(String code, String name, SchoolOwnership ownership, Integer capacity) {

        /** Whether the school teaches the plan's stage (it then has a capacity for it). */
        public boolean teaches() {
            return capacity != null;
        }
    }

    /** A neighbouring county's published online window for the same year and stage. */
    public record Neighbour(String countyName, Instant opens, Instant closes) {}

    /**
     * The facts the checks need besides the plan.
     *
     * @param previous            the published revision this draft corrects, or null for a first revision
     * @param schools             the county's schools
     * @param zonesPerSchool      how many zones of the plan's stage each school serves, by school code
     * @param unitsInSeveralZones address units (as people read them) claimed by several zones of the stage, with how many
     * @param townsWithoutZone    towns and streets of the county no zone of the stage covers any part of, by name
     * @param unitsWithoutZone    address units of the county's address list (set-up) no zone of the stage covers, by name
     * @param neighbours          the other counties of the city with a published plan for the year and stage
     * @param textLabels          what the officer calls each rewordable text, by key
     * @param materialIds         the materials of the catalog
     * @param changes             for a correction, what it changes against {@code previous}
     */
    public record Context(
            Instant now,
            EnrollmentPlan previous,
            List<SchoolFacts> schools,
            Map<String, Integer> zonesPerSchool,
            Map<String, Long> unitsInSeveralZones,
            List<String> townsWithoutZone,
            List<String> unitsWithoutZone,
            List<Neighbour> neighbours,
            Map<String, String> textLabels,
            Set<String> materialIds,
            List<String> changes) {}

    /** Every finding for the plan, errors first in the order an officer would fix them. */
    public static PlanCheckReport check(EnrollmentPlan plan, Context c) {
        List<PlanFinding> errors = new ArrayList<>();
        List<PlanFinding> warnings = new ArrayList<>();
        dates(plan, c, errors);
        seats(plan, c, errors, warnings);
        zones(plan, c, errors);
        tiers(plan, errors);
        points(plan, errors);
        choices(plan, c, errors);
        if (plan.lotteryRule() != LotteryRule.SINGLE_NUMBER_PER_CHILD) {
            errors.add(PlanFinding.of(
                    "lottery.supported", "plan.check.lottery", label("plan.lottery." + plan.lotteryRule())));
        }
        texts(plan, c, errors, warnings);
        if (c.previous() != null && c.changes().isEmpty()) {
            errors.add(PlanFinding.of(
                    "correction.changed", "plan.check.unchanged", c.previous().revision()));
        }
        neighbours(plan, c, warnings);
        children(plan, warnings);
        return new PlanCheckReport(errors, warnings, c.changes());
    }

    private static void dates(EnrollmentPlan plan, Context c, List<PlanFinding> errors) {
        for (var required : List.of(
                new Object[] {plan.counterOpens(), "plan.field.counter-opens"},
                new Object[] {plan.counterCloses(), "plan.field.counter-closes"},
                new Object[] {plan.reviewEnds(), "plan.field.review-ends"},
                new Object[] {plan.resultsOn(), "plan.field.results-on"},
                new Object[] {plan.termStarts(), "plan.field.term-starts"})) {
            if (required[0] == null) {
                errors.add(PlanFinding.of("dates.required", "plan.check.missing-date", label((String) required[1])));
            }
        }
        LocalDate onlineOpens = dateOf(plan.onlineOpens());
        LocalDate onlineCloses = dateOf(plan.onlineCloses());
        if (onlineOpens.getYear() != plan.year()) {
            errors.add(PlanFinding.of(
                    "dates.year",
                    "plan.check.year",
                    label("plan.field.online-opens"),
                    Clocks.moment(plan.onlineOpens()),
                    plan.year()));
        }
        if (plan.termStarts() != null && plan.termStarts().getYear() != plan.year()) {
            errors.add(PlanFinding.of(
                    "dates.year",
                    "plan.check.year",
                    label("plan.field.term-starts"),
                    day(plan.termStarts()),
                    plan.year()));
        }
        if (plan.counterOpens() != null
                && plan.counterCloses() != null
                && plan.counterCloses().isBefore(plan.counterOpens())) {
            errors.add(PlanFinding.of(
                    "dates.order", "plan.check.counter-order", day(plan.counterOpens()), day(plan.counterCloses())));
        }
        LocalDate applicationsEnd =
                plan.counterCloses() == null || plan.counterCloses().isBefore(onlineCloses)
                        ? onlineCloses
                        : plan.counterCloses();
        if (plan.reviewEnds() != null && plan.reviewEnds().isBefore(applicationsEnd)) {
            errors.add(PlanFinding.of(
                    "dates.order", "plan.check.review-order", day(plan.reviewEnds()), day(applicationsEnd)));
        }
        if (plan.resultsOn() != null
                && plan.reviewEnds() != null
                && plan.resultsOn().isBefore(plan.reviewEnds())) {
            errors.add(PlanFinding.of(
                    "dates.order", "plan.check.results-order", day(plan.resultsOn()), day(plan.reviewEnds())));
        }
        if (plan.resultsOn() != null && plan.termStarts() != null) {
            LocalDate latest = plan.termStarts().minusDays(DAYS_BEFORE_TERM);
            if (plan.resultsOn().isAfter(latest)) {
                errors.add(PlanFinding.of(
                        "dates.term",
                        "plan.check.term",
                        day(plan.resultsOn()),
                        day(plan.termStarts()),
                        day(latest),
                        ChronoUnit.DAYS.between(plan.resultsOn(), plan.termStarts())));
            }
        }
        notice(plan, c, onlineOpens, errors);
    }

    /**
     * Two months' notice before applications open (online or at the counter, whichever is first). A correction is held
     * to it only when it brings the opening forward: postponing gives families more time, not less.
     */
    private static void notice(EnrollmentPlan plan, Context c, LocalDate onlineOpens, List<PlanFinding> errors) {
        LocalDate opening = opening(onlineOpens, plan.counterOpens());
        LocalDate published = dateOf(c.now());
        LocalDate earliest = published.plusMonths(NOTICE_MONTHS);
        if (!opening.isBefore(earliest)) {
            return;
        }
        if (c.previous() == null) {
            errors.add(PlanFinding.of(
                    "dates.notice",
                    "plan.check.notice",
                    day(opening),
                    day(published),
                    ChronoUnit.DAYS.between(published, opening),
                    day(earliest)));
            return;
        }
        LocalDate before =
                opening(dateOf(c.previous().onlineOpens()), c.previous().counterOpens());
        if (opening.isBefore(before)) {
            errors.add(PlanFinding.of(
                    "dates.notice",
                    "plan.check.notice-correction",
                    day(before),
                    day(opening),
                    day(published),
                    day(earliest)));
        }
    }

    private static LocalDate opening(LocalDate online, LocalDate counter) {
        return counter != null && counter.isBefore(online) ? counter : online;
    }

    private static void seats(EnrollmentPlan plan, Context c, List<PlanFinding> errors, List<PlanFinding> warnings) {
        if (plan.totalSeats() == 0) {
            errors.add(PlanFinding.of(
                    "seats.some", "plan.check.no-seats", plan.stage().label()));
        }
        for (PlanSeat seat : plan.seats()) {
            SchoolFacts school = c.schools().stream()
                    .filter(s -> s.code().equals(seat.schoolCode()))
                    .findFirst()
                    .orElse(null);
            if (school == null || !school.teaches()) {
                errors.add(PlanFinding.of(
                        "seats.school",
                        "plan.check.seat-unknown",
                        seat.schoolCode(),
                        plan.stage().label()));
                continue;
            }
            if (seat.seats() > 0
                    && school.ownership() == SchoolOwnership.PUBLIC
                    && c.zonesPerSchool().getOrDefault(school.code(), 0) == 0) {
                errors.add(PlanFinding.of(
                        "seats.zone",
                        "plan.check.seat-no-zone",
                        school.name(),
                        seat.seats(),
                        plan.stage().label()));
            }
            if (seat.seats() > school.capacity()) {
                warnings.add(PlanFinding.of(
                        "seats.capacity", "plan.check.over-capacity", school.name(), seat.seats(), school.capacity()));
            }
        }
    }

    private static void zones(EnrollmentPlan plan, Context c, List<PlanFinding> errors) {
        if (!c.unitsInSeveralZones().isEmpty()) {
            errors.add(PlanFinding.of(
                    "zones.unique",
                    "plan.check.unit-several-zones",
                    c.unitsInSeveralZones().size(),
                    plan.stage().label(),
                    examples(c.unitsInSeveralZones().entrySet().stream()
                            .map(e -> Messages.format(
                                    Messages.DEFAULT_LOCALE,
                                    "plan.check.unit-zones",
                                    e.getKey(),
                                    String.valueOf(e.getValue())))
                            .toList())));
        }
        if (!c.townsWithoutZone().isEmpty()) {
            errors.add(PlanFinding.of(
                    "zones.cover",
                    "plan.check.town-no-zone",
                    c.townsWithoutZone().size(),
                    plan.stage().label(),
                    examples(c.townsWithoutZone())));
        }
        if (!c.unitsWithoutZone().isEmpty()) {
            errors.add(PlanFinding.of(
                    "zones.units",
                    "plan.check.unit-no-zone",
                    c.unitsWithoutZone().size(),
                    plan.stage().label(),
                    examples(c.unitsWithoutZone())));
        }
    }

    private static void tiers(EnrollmentPlan plan, List<PlanFinding> errors) {
        Set<FamilyCategory> seen = EnumSet.noneOf(FamilyCategory.class);
        Set<FamilyCategory> twice = new LinkedHashSet<>();
        for (FamilyCategory category : plan.categoryOrder()) {
            if (!seen.add(category)) {
                twice.add(category);
            }
        }
        List<String> missing = new ArrayList<>();
        for (FamilyCategory category : FamilyCategory.values()) {
            if (!seen.contains(category)) {
                missing.add(label("plan.category." + category));
            }
        }
        if (!missing.isEmpty()) {
            errors.add(PlanFinding.of("tiers.complete", "plan.check.categories-missing", String.join("、", missing)));
        }
        for (FamilyCategory category : twice) {
            errors.add(PlanFinding.of("tiers.once", "plan.check.categories-twice", label("plan.category." + category)));
        }
    }

    private static void points(EnrollmentPlan plan, List<PlanFinding> errors) {
        List<PointsItem> items = plan.pointsScheme();
        if (items.isEmpty() && plan.categoryOrder().contains(FamilyCategory.MIGRANT)) {
            errors.add(PlanFinding.of("points.some", "plan.check.points-none"));
        }
        Set<String> seen = new HashSet<>();
        List<String> allowed = PlanDefaults.pointsCodes();
        for (PointsItem item : items) {
            String kind = allowed.contains(item.code()) ? label("plan.points." + item.code()) : item.code();
            if (!allowed.contains(item.code())) {
                errors.add(PlanFinding.of("points.items", "plan.check.points-item", item.label()));
            } else if (!seen.add(item.code())) {
                errors.add(PlanFinding.of("points.once", "plan.check.points-twice", kind));
            }
            if (item.label() == null || item.label().isBlank()) {
                errors.add(PlanFinding.of("points.label", "plan.check.points-label", kind));
            }
            if (item.points() < 1 || item.points() > MAX_POINTS) {
                errors.add(PlanFinding.of(
                        "points.value",
                        "plan.check.points-value",
                        item.label() == null || item.label().isBlank() ? kind : item.label(),
                        item.points(),
                        MAX_POINTS));
            }
        }
    }

    private static void choices(EnrollmentPlan plan, Context c, List<PlanFinding> errors) {
        if (plan.maxChoices() > MAX_CHOICES) {
            errors.add(PlanFinding.of("choices.count", "plan.check.choices-max", plan.maxChoices(), MAX_CHOICES));
        }
        Set<String> withSeats = plan.schoolsWithSeats();
        for (String code : plan.choiceSchools()) {
            SchoolFacts school = c.schools().stream()
                    .filter(s -> s.code().equals(code))
                    .findFirst()
                    .orElse(null);
            if (school == null || school.ownership() != SchoolOwnership.PRIVATE || !withSeats.contains(code)) {
                errors.add(PlanFinding.of(
                        "choices.schools", "plan.check.choice-school", school == null ? code : school.name()));
            }
        }
    }

    private static void texts(EnrollmentPlan plan, Context c, List<PlanFinding> errors, List<PlanFinding> warnings) {
        plan.texts().forEach((key, body) -> {
            String name = c.textLabels().getOrDefault(key, key);
            if (key.equals("contact.hotline") && !PHONE.matcher(body).matches()) {
                errors.add(PlanFinding.of("contacts.phone", "plan.check.hotline", body));
            } else if (key.equals("contact.email") && !EMAIL.matcher(body).matches()) {
                errors.add(PlanFinding.of("contacts.email", "plan.check.email", body));
            } else if (key.startsWith("materials.") && !key.equals("materials.notes")) {
                List<String> ids = java.util.Arrays.stream(body.split(","))
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .toList();
                if (ids.isEmpty()) {
                    errors.add(PlanFinding.of("materials.some", "plan.check.material-group", name));
                }
                ids.stream()
                        .filter(id -> !c.materialIds().contains(id))
                        .forEach(id ->
                                errors.add(PlanFinding.of("materials.known", "plan.check.material-unknown", name, id)));
            } else {
                Matcher m = YEAR.matcher(body);
                Set<Integer> stale = new LinkedHashSet<>();
                while (m.find()) {
                    int year = Integer.parseInt(m.group(1));
                    // Birth years (year - 6, year - 12) belong in a plan's text; last year's or a later one do not.
                    if (year != plan.year() && year >= plan.year() - 1) {
                        stale.add(year);
                    }
                }
                stale.forEach(year ->
                        warnings.add(PlanFinding.of("texts.year", "plan.check.text-year", name, year, plan.year())));
            }
        });
    }

    private static void neighbours(EnrollmentPlan plan, Context c, List<PlanFinding> warnings) {
        for (Neighbour n : c.neighbours()) {
            Instant from = n.opens().isAfter(plan.onlineOpens()) ? n.opens() : plan.onlineOpens();
            Instant to = n.closes().isBefore(plan.onlineCloses()) ? n.closes() : plan.onlineCloses();
            if (from.isBefore(to)) {
                long days = ChronoUnit.DAYS.between(dateOf(from), dateOf(to)) + 1;
                warnings.add(PlanFinding.of(
                        "window.neighbours",
                        "plan.check.neighbour",
                        n.countyName(),
                        Clocks.moment(n.opens()),
                        Clocks.moment(n.closes()),
                        days));
            }
        }
    }

    private static void children(EnrollmentPlan plan, List<PlanFinding> warnings) {
        int seats = plan.totalSeats();
        Integer children = plan.eligibleChildren();
        if (children == null) {
            warnings.add(PlanFinding.of("seats.children", "plan.check.children-unknown", seats));
        } else if (seats < children) {
            String source = plan.eligibleChildrenSource() == null
                    ? label("plan.check.children-no-source")
                    : plan.eligibleChildrenSource();
            warnings.add(PlanFinding.of(
                    "seats.children", "plan.check.children-short", seats, children, source, children - seats));
        }
    }

    private static String examples(List<String> items) {
        List<String> shown = items.subList(0, Math.min(EXAMPLES, items.size()));
        String joined = String.join("、", shown);
        return items.size() > EXAMPLES
                ? Messages.format(Messages.DEFAULT_LOCALE, "plan.check.and-more", joined, String.valueOf(items.size()))
                : joined;
    }

    private static String label(String key) {
        return Messages.format(Messages.DEFAULT_LOCALE, key);
    }

    private static LocalDate dateOf(Instant moment) {
        return moment.atZone(Clocks.SHANGHAI).toLocalDate();
    }

    /** "2027年7月1日", as the findings and the record of changes write a date. */
    public static String day(LocalDate date) {
        return Messages.format(
                Messages.DEFAULT_LOCALE,
                "plan.day",
                String.valueOf(date.getYear()),
                String.valueOf(date.getMonthValue()),
                String.valueOf(date.getDayOfMonth()));
    }
}
