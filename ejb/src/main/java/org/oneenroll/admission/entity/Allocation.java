package org.oneenroll.admission.entity;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.oneenroll.policy.entity.FamilyCategory;

/**
 * The result of an admission run: where each child goes and by which route, each school's counts and
 * cut-off, the unplaced list, and an explanation per child on demand. Its canonical text (with the input
 * digest, the seed and the lottery numbers) is what a replay must reproduce byte for byte.
 */
public final class Allocation {

    /** First line of the canonical result text. */
    public static final String FORMAT = "oneenroll-admission-result/1";

    private static final Route[] ROUTES = Route.values();
    private static final UnplacedReason[] REASONS = UnplacedReason.values();

    private final AdmissionInput input;
    private final LotteryDraw draw;
    private final int[] school;
    private final byte[] route;
    private final int[] detail;
    private final int[] cutoffChild;
    private final int[] admitted;
    private final int[] reallocated;
    private final CanonicalText.Document canonical = new CanonicalText.Document(this::writeTo);

    private Allocation(Recorder r) {
        this.input = r.input;
        this.draw = r.draw;
        this.school = r.school;
        this.route = r.route;
        this.detail = r.detail;
        this.cutoffChild = r.cutoffChild;
        int schools = input.plan().schoolCount();
        this.admitted = new int[schools];
        this.reallocated = new int[schools];
        for (int child = 0; child < school.length; child++) {
            if (route[child] < 0) {
                throw new IllegalStateException("no result recorded for child " + input.childRef(child));
            }
            if (route[child] == Route.REALLOCATED.ordinal()) {
                reallocated[school[child]]++;
            } else if (route[child] != Route.UNPLACED.ordinal()) {
                admitted[school[child]]++;
            }
        }
        for (int s = 0; s < schools; s++) {
            if (admitted[s] + reallocated[s] > input.plan().seats(s)) {
                throw new IllegalStateException("school " + input.plan().schoolCode(s) + " is over its seats");
            }
        }
    }

    /** How the engine writes a result; each child is recorded exactly once. */
    public static Recorder recorder(AdmissionInput input, LotteryDraw draw) {
        if (!draw.drawnFor(input)) {
            throw new IllegalArgumentException("the lottery was drawn for other children");
        }
        return new Recorder(input, draw);
    }

    public AdmissionInput input() {
        return input;
    }

    public LotteryDraw draw() {
        return draw;
    }

    public int childCount() {
        return school.length;
    }

    public Route route(int child) {
        return ROUTES[route[child]];
    }

    /** The school index the child goes to, or -1. */
    public int school(int child) {
        return school[child];
    }

    public String schoolCode(int child) {
        return school[child] < 0 ? null : input.plan().schoolCode(school[child]);
    }

    /** The choice the child was admitted by, from 1; 0 for any other route. */
    public int choiceNumber(int child) {
        return route[child] == Route.CHOICE.ordinal() ? detail[child] + 1 : 0;
    }

    /** How many zones away a reallocated child's school is; -1 for other routes. */
    public int hops(int child) {
        return route[child] == Route.REALLOCATED.ordinal() ? detail[child] : -1;
    }

    public UnplacedReason reason(int child) {
        return route[child] == Route.UNPLACED.ordinal() ? REASONS[detail[child]] : null;
    }

    public Placement placement(int child) {
        return new Placement(
                input.childRef(child),
                route(child),
                schoolCode(child),
                choiceNumber(child),
                hops(child),
                reason(child));
    }

    public Placement placement(String childRef) {
        return placement(input.childIndex(childRef));
    }

    /** The children still without a seat, in reference order, for follow-up. */
    public List<Placement> unplaced() {
        List<Placement> list = new ArrayList<>();
        for (int child = 0; child < school.length; child++) {
            if (route[child] == Route.UNPLACED.ordinal()) {
                list.add(placement(child));
            }
        }
        return list;
    }

    public int count(Route which) {
        int count = 0;
        for (byte r : route) {
            count += r == which.ordinal() ? 1 : 0;
        }
        return count;
    }

    public SchoolResult school(String code) {
        return schoolResult(input.plan().schoolIndex(code));
    }

    public SchoolResult schoolResult(int s) {
        AdmissionPlan plan = input.plan();
        return new SchoolResult(
                plan.schoolCode(s),
                plan.schools().get(s).ownership(),
                plan.seats(s),
                admitted[s],
                reallocated[s],
                cutoffChild[s] < 0 ? null : priority(cutoffChild[s], s));
    }

    public List<SchoolResult> schools() {
        List<SchoolResult> list = new ArrayList<>();
        for (int s = 0; s < admitted.length; s++) {
            list.add(schoolResult(s));
        }
        return list;
    }

    /** Where a child stands at a school under this run's plan and lottery. */
    public Priority priority(int child, int s) {
        AdmissionPlan plan = input.plan();
        FamilyCategory category = input.category(child);
        int position = draw.position(child);
        if (plan.isPrivate(s)) {
            return new Priority(true, false, category, plan.tier(category), OptionalInt.empty(), position);
        }
        OptionalInt points =
                category == FamilyCategory.MIGRANT ? OptionalInt.of(input.points(child)) : OptionalInt.empty();
        return new Priority(
                false, plan.serves(s, input.homeZone(child)), category, plan.tier(category), points, position);
    }

    public Explanation explain(String childRef) {
        return explain(input.childIndex(childRef));
    }

    public Explanation explain(int child) {
        Route r = route(child);
        int admittedAt = r == Route.CHOICE || r == Route.ZONE_SCHOOL ? detail[child] : Integer.MAX_VALUE;
        int choices = input.choiceCount(child);
        List<ChoiceOutcome> applications = new ArrayList<>();
        for (int raw = 0; raw < input.rawListLength(child); raw++) {
            int s = input.listSchool(child, raw);
            if (s < 0) {
                continue;
            }
            ChoiceStatus status;
            Priority cutoff = null;
            if (raw == admittedAt) {
                status = ChoiceStatus.ADMITTED;
            } else if (raw > admittedAt) {
                status = ChoiceStatus.NOT_NEEDED;
            } else if (input.plan().seats(s) == 0) {
                status = ChoiceStatus.NO_SEATS;
            } else {
                status = ChoiceStatus.OUTRANKED;
                cutoff = cutoffChild[s] < 0 ? null : priority(cutoffChild[s], s);
            }
            applications.add(new ChoiceOutcome(
                    raw < choices ? raw + 1 : 0,
                    input.plan().schoolCode(s),
                    raw >= choices,
                    status,
                    priority(child, s),
                    cutoff));
        }
        return new Explanation(
                input.childRef(child),
                r,
                schoolCode(child),
                school[child] < 0 ? null : priority(child, school[child]),
                choiceNumber(child),
                hops(child),
                reason(child),
                applications);
    }

    public void writeCanonical(OutputStream out) {
        canonical.write(out);
    }

    public byte[] canonicalBytes() {
        return canonical.bytes();
    }

    /** SHA-256 of the canonical result text, in lower-case hex. */
    public String sha256() {
        return canonical.sha256();
    }

    private void writeTo(CanonicalText.Lines out) throws IOException {
        AdmissionPlan plan = input.plan();
        out.line(FORMAT);
        out.line("engine", AdmissionInput.ENGINE);
        out.line("plan", plan.reference());
        out.line("input-sha256", input.sha256());
        out.line("seed", draw.seed().hex());
        out.line("draw", draw.childCount());
        for (int p = 1; p <= draw.childCount(); p++) {
            int child = draw.childAt(p);
            out.start("lot")
                    .add(p)
                    .add(input.childRef(child))
                    .add(draw.numberHex(child))
                    .end();
        }
        out.line("schools", plan.schoolCount());
        for (int s = 0; s < plan.schoolCount(); s++) {
            out.start("school")
                    .add(plan.schoolCode(s))
                    .add(plan.isPrivate(s) ? "PRIVATE" : "PUBLIC")
                    .add("seats")
                    .add(plan.seats(s))
                    .add("admitted")
                    .add(admitted[s])
                    .add("reallocated")
                    .add(reallocated[s])
                    .add("left")
                    .add(plan.seats(s) - admitted[s] - reallocated[s])
                    .add("cutoff");
            if (cutoffChild[s] < 0) {
                out.add("-");
            } else {
                Priority p = priority(cutoffChild[s], s);
                if (p.lotteryOnly()) {
                    out.add("lottery");
                } else {
                    out.add(p.inZone() ? "in-zone" : "out-of-zone")
                            .add(p.category().name())
                            .add(
                                    p.points().isPresent()
                                            ? String.valueOf(p.points().getAsInt())
                                            : "-");
                }
                out.add(p.lotteryPosition());
            }
            out.end();
        }
        out.line("children", school.length);
        for (int child = 0; child < school.length; child++) {
            out.start("child").add(input.childRef(child));
            switch (route(child)) {
                case CHOICE -> out.add("admitted")
                        .add(schoolCode(child))
                        .add("choice")
                        .add(choiceNumber(child));
                case ZONE_SCHOOL -> out.add("admitted").add(schoolCode(child)).add("zone-school");
                case REALLOCATED -> out.add("reallocated")
                        .add(schoolCode(child))
                        .add("hops")
                        .add(hops(child));
                case UNPLACED -> out.add("unplaced").add(reason(child).name());
            }
            out.end();
        }
        out.line("end");
    }

    /** Collects the engine's decisions for one run; {@link #finish()} freezes them. */
    public static final class Recorder {

        private final AdmissionInput input;
        private final LotteryDraw draw;
        private final int[] school;
        private final byte[] route;
        private final int[] detail;
        private final int[] cutoffChild;
        private boolean finished;

        private Recorder(AdmissionInput input, LotteryDraw draw) {
            this.input = input;
            this.draw = draw;
            int n = input.childCount();
            this.school = new int[n];
            this.route = new byte[n];
            this.detail = new int[n];
            Arrays.fill(school, -1);
            Arrays.fill(route, (byte) -1);
            this.cutoffChild = new int[input.plan().schoolCount()];
            Arrays.fill(cutoffChild, -1);
        }

        /** Admitted in the main round at the school found at this raw position of the child's list. */
        public void admit(int child, int s, int rawPosition) {
            record(child, s, rawPosition < input.choiceCount(child) ? Route.CHOICE : Route.ZONE_SCHOOL, rawPosition);
        }

        public void reallocate(int child, int s, int hops) {
            record(child, s, Route.REALLOCATED, hops);
        }

        public void unplace(int child, UnplacedReason reason) {
            record(child, -1, Route.UNPLACED, reason.ordinal());
        }

        /** The last child the school admitted in the main round, when it filled. */
        public void cutoff(int s, int child) {
            cutoffChild[s] = child;
        }

        private void record(int child, int s, Route r, int value) {
            if (finished || route[child] >= 0) {
                throw new IllegalStateException("child " + input.childRef(child) + " recorded twice");
            }
            school[child] = s;
            route[child] = (byte) r.ordinal();
            detail[child] = value;
        }

        public Allocation finish() {
            if (finished) {
                throw new IllegalStateException("already finished");
            }
            finished = true;
            return new Allocation(this);
        }
    }
}
