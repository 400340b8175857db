package org.oneenroll.admission.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * Everything an admission run depends on, frozen: the plan and the eligible children, held in int-indexed
 * arrays (children sorted by reference) for speed. Its canonical text is what the county publishes, with
 * its SHA-256, before the lottery seed is drawn.
 */
public final class AdmissionInput {

    /** First line of the canonical input text; the number changes with the format. */
    public static final String FORMAT = "oneenroll-admission-input/1";
    /** The engine version the file was written for: a replay with another engine version is refused. */
    public static final String ENGINE = "oneenroll-admission/1";

    private static final FamilyCategory[] CATEGORIES = FamilyCategory.values();

    private final AdmissionPlan plan;
    private final String[] refs;
    private final byte[] category;
    private final int[] points;
    private final int[] zone;
    private final int[] choiceStart;
    private final int[] choices;
    private final CanonicalText.Document canonical = new CanonicalText.Document(this::writeTo);

    private AdmissionInput(
            AdmissionPlan plan,
            String[] refs,
            byte[] category,
            int[] points,
            int[] zone,
            int[] choiceStart,
            int[] choices) {
        this.plan = plan;
        this.refs = refs;
        this.category = category;
        this.points = points;
        this.zone = zone;
        this.choiceStart = choiceStart;
        this.choices = choices;
    }

    public static Builder builder(AdmissionPlan plan) {
        return new Builder(plan);
    }

    public static AdmissionInput of(AdmissionPlan plan, Collection<Applicant> applicants) {
        Builder b = builder(plan);
        applicants.forEach(b::add);
        return b.build();
    }

    public AdmissionPlan plan() {
        return plan;
    }

    public int childCount() {
        return refs.length;
    }

    public String childRef(int child) {
        return refs[child];
    }

    /** The index of a child by reference, or -1. */
    public int findChild(String ref) {
        int i = Arrays.binarySearch(refs, ref);
        return i < 0 ? -1 : i;
    }

    public int childIndex(String ref) {
        int i = findChild(ref);
        if (i < 0) {
            throw new InvalidValueException("childRef", "admission.child.unknown", ref);
        }
        return i;
    }

    public FamilyCategory category(int child) {
        return CATEGORIES[category[child]];
    }

    public int points(int child) {
        return points[child];
    }

    /** The child's home zone index, or -1 when the family lives in no zone of the plan. */
    public int homeZone(int child) {
        return zone[child];
    }

    public int choiceCount(int child) {
        return choiceStart[child + 1] - choiceStart[child];
    }

    public int choice(int child, int k) {
        return choices[choiceStart[child] + k];
    }

    /**
     * Length of the child's application list before duplicates are skipped: the choices, then the schools of
     * the home zone (a child always falls back to the zone school; with no choices it applies there alone).
     */
    public int rawListLength(int child) {
        int z = zone[child];
        return choiceStart[child + 1] - choiceStart[child] + (z < 0 ? 0 : plan.zoneSchoolCount(z));
    }

    /** The school at a raw list position, or -1 where a zone school repeats one of the choices. */
    public int listSchool(int child, int rawPosition) {
        int start = choiceStart[child];
        int count = choiceStart[child + 1] - start;
        if (rawPosition < count) {
            return choices[start + rawPosition];
        }
        int school = plan.zoneSchool(zone[child], rawPosition - count);
        for (int k = start; k < start + count; k++) {
            if (choices[k] == school) {
                return -1;
            }
        }
        return school;
    }

    public Applicant applicant(int child) {
        List<String> codes = new ArrayList<>(choiceCount(child));
        for (int k = 0; k < choiceCount(child); k++) {
            codes.add(plan.schoolCode(choice(child, k)));
        }
        return new Applicant(
                refs[child],
                category(child),
                points[child],
                zone[child] < 0 ? null : plan.zoneCode(zone[child]),
                codes);
    }

    /** The children in reference order, built on demand (the input itself keeps only arrays). */
    public List<Applicant> applicants() {
        return new AbstractList<>() {
            @Override
            public Applicant get(int index) {
                return applicant(index);
            }

            @Override
            public int size() {
                return refs.length;
            }
        };
    }

    /** True when both inputs list the same children in the same order, so one lottery draw serves both. */
    public boolean sameChildren(AdmissionInput other) {
        return refs == other.refs || Arrays.equals(refs, other.refs);
    }

    /**
     * The same children under another plan (seats, zones or category order changed), for a what-if. Children
     * whose zone the variant drops live in no zone; a school the variant drops must not be anybody's choice.
     */
    public AdmissionInput withPlan(AdmissionPlan variant) {
        int[] schoolMap = new int[plan.schoolCount()];
        for (int s = 0; s < schoolMap.length; s++) {
            schoolMap[s] = variant.findSchool(plan.schoolCode(s));
        }
        int[] mappedChoices = new int[choices.length];
        for (int k = 0; k < choices.length; k++) {
            mappedChoices[k] = schoolMap[choices[k]];
            if (mappedChoices[k] < 0) {
                throw new InvalidValueException("plan", "admission.what-if.school-chosen", plan.schoolCode(choices[k]));
            }
        }
        int[] zoneMap = new int[plan.zoneCount()];
        for (int z = 0; z < zoneMap.length; z++) {
            zoneMap[z] = variant.findZone(plan.zoneCode(z));
        }
        int[] mappedZones = new int[zone.length];
        for (int i = 0; i < zone.length; i++) {
            mappedZones[i] = zone[i] < 0 ? -1 : zoneMap[zone[i]];
        }
        return new AdmissionInput(variant, refs, category, points, mappedZones, choiceStart, mappedChoices);
    }

    /** The same children with some home zones moved (a redrawn boundary), for a what-if; null means no zone. */
    public AdmissionInput withHomeZones(Map<String, String> zoneByChildRef) {
        int[] moved = zone.clone();
        zoneByChildRef.forEach((ref, code) -> {
            int z = code == null ? -1 : plan.findZone(code);
            if (code != null && z < 0) {
                throw new InvalidValueException("homeZone", "admission.child.unknown-zone", ref, code);
            }
            moved[childIndex(ref)] = z;
        });
        return new AdmissionInput(plan, refs, category, points, moved, choiceStart, choices);
    }

    public void writeCanonical(OutputStream out) {
        canonical.write(out);
    }

    public byte[] canonicalBytes() {
        return canonical.bytes();
    }

    /** SHA-256 of the canonical text, in lower-case hex: the digest the county publishes before the draw. */
    public String sha256() {
        return canonical.sha256();
    }

    private void writeTo(CanonicalText.Lines out) throws IOException {
        out.line(FORMAT);
        out.line("engine", ENGINE);
        out.line("plan", plan.reference());
        out.line("stage", plan.stage().name());
        out.line("lottery-rule", plan.lotteryRule().name());
        out.start("category-order");
        for (FamilyCategory c : plan.categoryOrder()) {
            out.add(c.name());
        }
        out.end();
        out.line(
                "reallocation-hops",
                plan.reallocationHops() == AdmissionPlan.UNLIMITED_HOPS
                        ? "unlimited"
                        : String.valueOf(plan.reallocationHops()));
        out.line("schools", plan.schoolCount());
        for (SchoolSeats s : plan.schools()) {
            out.line("school", s.code(), s.ownership().name(), s.seats());
        }
        out.line("zones", plan.zoneCount());
        for (Zone z : plan.zones()) {
            out.start("zone").add(z.code());
            for (String school : z.schoolCodes()) {
                out.add(school);
            }
            out.end();
        }
        List<String[]> pairs = new ArrayList<>();
        plan.adjacency()
                .forEach((z, of) ->
                        of.stream().filter(n -> z.compareTo(n) < 0).forEach(n -> pairs.add(new String[] {z, n})));
        out.line("adjacencies", pairs.size());
        for (String[] pair : pairs) {
            out.line("adjacent", pair[0], pair[1]);
        }
        out.line("children", refs.length);
        for (int i = 0; i < refs.length; i++) {
            out.start("child")
                    .add(refs[i])
                    .add(CATEGORIES[category[i]].name())
                    .add(points[i])
                    .add(zone[i] < 0 ? "-" : plan.zoneCode(zone[i]));
            for (int k = choiceStart[i]; k < choiceStart[i + 1]; k++) {
                out.add(plan.schoolCode(choices[k]));
            }
            out.end();
        }
        out.line("end");
    }

    /**
     * Reads a canonical input text. Whether the bytes were canonical is a separate question: compare the
     * file's own SHA-256 with {@link #sha256()} of the result.
     */
    public static AdmissionInput parse(InputStream in) {
        CanonicalText.Reader r = new CanonicalText.Reader(in);
        r.next(FORMAT, 1);
        String engine = r.next("engine", 2)[1];
        if (!engine.equals(ENGINE)) {
            throw new InvalidValueException("input", "admission.input.engine", engine, ENGINE);
        }
        String reference = r.next("plan", 2)[1];
        String[] stageLine = r.next("stage", 2);
        String[] ruleLine = r.next("lottery-rule", 2);
        String[] orderLine = r.next("category-order");
        List<FamilyCategory> order = new ArrayList<>();
        for (int k = 1; k < orderLine.length; k++) {
            order.add(r.constant(FamilyCategory.class, orderLine, k, "category-order"));
        }
        String[] hopsLine = r.next("reallocation-hops", 2);
        int hops = hopsLine[1].equals("unlimited")
                ? AdmissionPlan.UNLIMITED_HOPS
                : r.number(hopsLine, 1, "reallocation-hops");
        AdmissionPlan.Builder pb = AdmissionPlan.builder(reference, r.constant(Stage.class, stageLine, 1, "stage"))
                .lotteryRule(r.constant(LotteryRule.class, ruleLine, 1, "lottery-rule"))
                .categoryOrder(order)
                .reallocationHops(hops);
        int schoolCount = r.count("schools");
        for (int s = 0; s < schoolCount; s++) {
            String[] t = r.next("school", 4);
            pb.school(t[1], r.constant(SchoolOwnership.class, t, 2, "school"), r.number(t, 3, "school"));
        }
        int zoneCount = r.count("zones");
        for (int z = 0; z < zoneCount; z++) {
            String[] t = r.next("zone");
            if (t.length < 2) {
                throw r.refused("zone", String.join(" ", t));
            }
            pb.zone(t[1], Arrays.copyOfRange(t, 2, t.length));
        }
        int pairCount = r.count("adjacencies");
        for (int k = 0; k < pairCount; k++) {
            String[] t = r.next("adjacent", 3);
            pb.adjacent(t[1], t[2]);
        }
        Builder b = builder(pb.build());
        int childCount = r.count("children");
        for (int i = 0; i < childCount; i++) {
            String[] t = r.next("child");
            if (t.length < 5) {
                throw r.refused("child", String.join(" ", t));
            }
            b.add(new Applicant(
                    t[1],
                    r.constant(FamilyCategory.class, t, 2, "child"),
                    r.number(t, 3, "child"),
                    t[4].equals("-") ? null : t[4],
                    Arrays.asList(Arrays.copyOfRange(t, 5, t.length))));
        }
        r.end();
        return b.build();
    }

    /** Collects children, resolving codes to indexes as they come, so a million applicants stay compact. */
    public static final class Builder {

        private final AdmissionPlan plan;
        private String[] refs = new String[16];
        private byte[] category = new byte[16];
        private int[] points = new int[16];
        private int[] zone = new int[16];
        private int[] choiceStart = new int[17];
        private int[] choices = new int[64];
        private int size;

        private Builder(AdmissionPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
        }

        public Builder add(Applicant a) {
            int z = -1;
            if (a.homeZone() != null) {
                z = plan.findZone(a.homeZone());
                if (z < 0) {
                    throw new InvalidValueException(
                            "homeZone", "admission.child.unknown-zone", a.childRef(), a.homeZone());
                }
            }
            if (size == refs.length) {
                int grown = size * 2;
                refs = Arrays.copyOf(refs, grown);
                category = Arrays.copyOf(category, grown);
                points = Arrays.copyOf(points, grown);
                zone = Arrays.copyOf(zone, grown);
                choiceStart = Arrays.copyOf(choiceStart, grown + 1);
            }
            int start = choiceStart[size];
            if (start + a.choices().size() > choices.length) {
                choices = Arrays.copyOf(
                        choices,
                        Math.max(choices.length * 2, start + a.choices().size()));
            }
            for (String code : a.choices()) {
                int s = plan.findSchool(code);
                if (s < 0) {
                    throw new InvalidValueException("choices", "admission.child.unknown-school", a.childRef(), code);
                }
                choices[start++] = s;
            }
            choiceStart[size + 1] = start;
            refs[size] = a.childRef();
            category[size] = (byte) a.category().ordinal();
            points[size] = a.points();
            zone[size] = z;
            size++;
            return this;
        }

        public AdmissionInput build() {
            String[] r = Arrays.copyOf(refs, size);
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = r[i - 1].compareTo(r[i]) < 0;
            }
            if (sorted) {
                return new AdmissionInput(
                        plan,
                        r,
                        Arrays.copyOf(category, size),
                        Arrays.copyOf(points, size),
                        Arrays.copyOf(zone, size),
                        Arrays.copyOf(choiceStart, size + 1),
                        Arrays.copyOf(choices, choiceStart[size]));
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparing(i -> r[i]));
            String[] sortedRefs = new String[size];
            byte[] c = new byte[size];
            int[] p = new int[size];
            int[] z = new int[size];
            int[] start = new int[size + 1];
            int[] ch = new int[choiceStart[size]];
            for (int k = 0; k < size; k++) {
                int i = order[k];
                if (k > 0 && sortedRefs[k - 1].equals(r[i])) {
                    throw new InvalidValueException("childRef", "admission.child.twice", r[i]);
                }
                sortedRefs[k] = r[i];
                c[k] = category[i];
                p[k] = points[i];
                z[k] = zone[i];
                int count = choiceStart[i + 1] - choiceStart[i];
                System.arraycopy(choices, choiceStart[i], ch, start[k], count);
                start[k + 1] = start[k] + count;
            }
            return new AdmissionInput(plan, sortedRefs, c, p, z, start, ch);
        }
    }
}
