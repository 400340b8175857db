package org.oneenroll.policy.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.PointsItem;

/**
 * What a correction changes against the revision it corrects, one Chinese line per changed field ("计划学位 城关第一小学：90 →
 * 120"), as the public plan page lists it under the correction. Pure: the names come with the call.
 */
public final class PlanDiff {

    private PlanDiff() {}

    /**
     * How to name what changed.
     *
     * @param schools      school names by code
     * @param textLabels   what each rewordable text is called, by key
     * @param textDefaults each rewordable text as it reads without the plan's own wording, by key
     * @param materials    the catalog's short material names by id
     */
    public record Names(
            Map<String, String> schools,
            Map<String, String> textLabels,
            Map<String, String> textDefaults,
            Map<String, String> materials) {}

    /** The changed fields, in the order the plan editor shows them; empty when nothing changed. */
    public static List<String> lines(EnrollmentPlan before, EnrollmentPlan after, Names names) {
        List<String> lines = new ArrayList<>();
        moment(lines, "plan.field.online-opens", before.onlineOpens(), after.onlineOpens());
        moment(lines, "plan.field.online-closes", before.onlineCloses(), after.onlineCloses());
        day(lines, "plan.field.counter-opens", before.counterOpens(), after.counterOpens());
        day(lines, "plan.field.counter-closes", before.counterCloses(), after.counterCloses());
        day(lines, "plan.field.review-ends", before.reviewEnds(), after.reviewEnds());
        day(lines, "plan.field.results-on", before.resultsOn(), after.resultsOn());
        day(lines, "plan.field.term-starts", before.termStarts(), after.termStarts());
        seats(lines, before, after, names);
        if (!before.categoryOrder().equals(after.categoryOrder())) {
            field(
                    lines,
                    "plan.field.category-order",
                    categories(before.categoryOrder()),
                    categories(after.categoryOrder()));
        }
        if (!points(before.pointsScheme()).equals(points(after.pointsScheme()))) {
            field(lines, "plan.field.points", points(before.pointsScheme()), points(after.pointsScheme()));
        }
        if (before.maxChoices() != after.maxChoices()) {
            field(
                    lines,
                    "plan.field.max-choices",
                    String.valueOf(before.maxChoices()),
                    String.valueOf(after.maxChoices()));
        }
        if (!before.choiceSchools().equals(after.choiceSchools())) {
            field(
                    lines,
                    "plan.field.choice-schools",
                    choiceSchools(before.choiceSchools(), names),
                    choiceSchools(after.choiceSchools(), names));
        }
        if (before.lotteryRule() != after.lotteryRule()) {
            field(
                    lines,
                    "plan.field.lottery",
                    label("plan.lottery." + before.lotteryRule()),
                    label("plan.lottery." + after.lotteryRule()));
        }
        if (!Objects.equals(before.eligibleChildren(), after.eligibleChildren())) {
            field(lines, "plan.field.children", number(before.eligibleChildren()), number(after.eligibleChildren()));
        }
        texts(lines, before.texts(), after.texts(), names);
        // a line is stored in plan_change.line (1000 characters): a long reworded text is named, not quoted whole
        return lines.stream().map(PlanDiff::fit).toList();
    }

    private static void seats(List<String> lines, EnrollmentPlan before, EnrollmentPlan after, Names names) {
        Map<String, Integer> was = seatMap(before);
        Map<String, Integer> now = seatMap(after);
        Set<String> codes = new TreeSet<>(was.keySet());
        codes.addAll(now.keySet());
        for (String code : codes) {
            int a = was.getOrDefault(code, 0);
            int b = now.getOrDefault(code, 0);
            if (a != b) {
                lines.add(Messages.format(
                        Messages.DEFAULT_LOCALE,
                        "plan.change.seats",
                        names.schools().getOrDefault(code, code),
                        String.valueOf(a),
                        String.valueOf(b)));
            }
        }
        if (before.totalSeats() != after.totalSeats()) {
            field(
                    lines,
                    "plan.field.total-seats",
                    String.valueOf(before.totalSeats()),
                    String.valueOf(after.totalSeats()));
        }
    }

    private static Map<String, Integer> seatMap(EnrollmentPlan plan) {
        Map<String, Integer> seats = new LinkedHashMap<>();
        for (PlanSeat seat : plan.seats()) {
            seats.put(seat.schoolCode(), seat.seats());
        }
        return seats;
    }

    private static void texts(List<String> lines, Map<String, String> was, Map<String, String> now, Names names) {
        // In the editor's order (contacts, guide, materials), then anything else by key.
        List<String> keys = new ArrayList<>(names.textLabels().keySet());
        new TreeSet<>(was.keySet()).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        new TreeSet<>(now.keySet()).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        for (String key : keys) {
            String a = was.getOrDefault(key, names.textDefaults().get(key));
            String b = now.getOrDefault(key, names.textDefaults().get(key));
            if (Objects.equals(a, b)) {
                continue;
            }
            String label = names.textLabels().getOrDefault(key, key);
            if (key.startsWith("materials.") && !key.equals("materials.notes")) {
                lines.add(Messages.format(
                        Messages.DEFAULT_LOCALE,
                        "plan.change.materials",
                        label,
                        materials(a, names),
                        materials(b, names)));
            } else if (key.startsWith("contact.") && !key.equals("contact.complaint")) {
                field(lines, label, orNone(a), orNone(b));
            } else {
                lines.add(Messages.format(Messages.DEFAULT_LOCALE, "plan.change.text", label));
            }
        }
    }

    private static String materials(String ids, Names names) {
        if (ids == null || ids.isBlank()) {
            return label("plan.change.none");
        }
        return Arrays.stream(ids.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .map(id -> names.materials().getOrDefault(id, id))
                .collect(Collectors.joining("、"));
    }

    private static String categories(List<FamilyCategory> order) {
        return order.stream().map(c -> label("plan.category." + c)).collect(Collectors.joining("、"));
    }

    private static String points(List<PointsItem> items) {
        if (items.isEmpty()) {
            return label("plan.change.none");
        }
        return items.stream()
                .map(i -> Messages.format(
                        Messages.DEFAULT_LOCALE, "plan.change.points-item", i.label(), String.valueOf(i.points())))
                .collect(Collectors.joining("；"));
    }

    private static String choiceSchools(Set<String> codes, Names names) {
        return codes.isEmpty()
                ? label("plan.change.all-private")
                : codes.stream().map(c -> names.schools().getOrDefault(c, c)).collect(Collectors.joining("、"));
    }

    private static void moment(List<String> lines, String key, Instant a, Instant b) {
        if (!Objects.equals(a, b)) {
            field(
                    lines,
                    key,
                    a == null ? label("plan.change.none") : Clocks.moment(a),
                    b == null ? label("plan.change.none") : Clocks.moment(b));
        }
    }

    private static void day(List<String> lines, String key, LocalDate a, LocalDate b) {
        if (!Objects.equals(a, b)) {
            field(
                    lines,
                    key,
                    a == null ? label("plan.change.none") : PlanChecks.day(a),
                    b == null ? label("plan.change.none") : PlanChecks.day(b));
        }
    }

    /** "名称：旧 → 新"; {@code name} is a message key, or already a label when the bundle has no such key. */
    private static void field(List<String> lines, String name, String a, String b) {
        lines.add(Messages.format(Messages.DEFAULT_LOCALE, "plan.change.field", label(name), a, b));
    }

    static final int MAX_LINE = 1000;

    static String fit(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? label("plan.change.none") : value;
    }

    private static String number(Integer n) {
        return n == null ? label("plan.change.none") : String.valueOf(n);
    }

    /** A message without arguments; Messages answers the key itself when the bundle lacks it (a ready label). */
    private static String label(String key) {
        return Messages.format(Messages.DEFAULT_LOCALE, key);
    }
}
