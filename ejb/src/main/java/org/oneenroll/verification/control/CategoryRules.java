package org.oneenroll.verification.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.verification.control.Facts.Holding;
import org.oneenroll.verification.control.Facts.HomeFact;
import org.oneenroll.verification.control.Facts.InsuranceFact;
import org.oneenroll.verification.control.Facts.PermitFact;
import org.oneenroll.verification.control.Facts.RentalFact;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.CategoryFinding;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.MessageRef;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.PreferentialClaim;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.ZoneUnits;

/**
 * Derives the family category from the household facts (seed 001 三 and 附件2, seed 004 湖南 table), in this order,
 * the first that holds winning:
 * <ol>
 * <li>房户一致: the child's hukou address and a home held by a parent lie in the same address unit of a zone;</li>
 * <li>有房无户: a parent holds a home in a zone, and the hukou is not at it;</li>
 * <li>有户无房（一）: the hukou is in a zone, at a home held by a relative the child lives with, or at owned
 * affordable housing (unit housing has no source: it needs a proof);</li>
 * <li>有户无房（二）: the hukou is in a zone and a parent rents in the county (registered lease or public rental
 * housing running on the day of the check);</li>
 * <li>随迁子女: the hukou is outside the county, a guardian holds a residence permit of the county that qualifies
 * under the plan's {@link org.oneenroll.verification.entity.EligibilityThresholds}, the family lives in the county
 * (registered lease or own home) and a guardian works (social insurance meeting the thresholds, or a business
 * licence of the county).</li>
 * </ol>
 * A condition a silent source could still make true leaves the category open rather than falling through to a
 * lower one; 优待对象 is claimed, never derived, and always waits for its proof.
 */
final class CategoryRules {

    static final String NONE = "verification.category.none";
    static final String RELATIVE_AFFORDABLE = "verification.category.HUKOU_ONLY_RELATIVE.affordable";
    static final String EMPLOYMENT_INSURANCE = "verification.employment.insurance";
    static final String EMPLOYMENT_BUSINESS = "verification.employment.business";
    static final String NOTE_PENDING = "verification.note.pending";
    static final String NOTE_FALLBACK = "verification.note.fallback";
    static final String NO_PERMIT = "verification.finding.no-permit";
    static final String NO_RESIDENCE = "verification.finding.no-residence";
    static final String NO_EMPLOYMENT = "verification.finding.no-employment";
    static final String NO_HOUSING = "verification.finding.no-housing";
    static final String PREFERENTIAL = "verification.finding.preferential";

    private static final Set<GovernmentSource> PROPERTY =
            EnumSet.of(GovernmentSource.REAL_ESTATE_TITLE, GovernmentSource.PURCHASE_CONTRACT);
    private static final Set<GovernmentSource> RELATIVE_HOME = EnumSet.of(
            GovernmentSource.REAL_ESTATE_TITLE,
            GovernmentSource.PURCHASE_CONTRACT,
            GovernmentSource.AFFORDABLE_HOUSING);
    private static final Set<GovernmentSource> RENTED =
            EnumSet.of(GovernmentSource.RENTAL_REGISTRATION, GovernmentSource.AFFORDABLE_HOUSING);
    private static final Set<GovernmentSource> BUSINESS =
            EnumSet.of(GovernmentSource.INDIVIDUAL_BUSINESS_LICENCE, GovernmentSource.ENTERPRISE_LICENCE);

    /**
     * The finding, the sources whose silence left a better or any category open, and what the family can do when
     * every source answered and still no category fits.
     */
    record Judgement(CategoryFinding finding, Set<GovernmentSource> blockers, List<OfflineCheck> checks) {}

    /** One category's verdict and, when it holds, how to say so. */
    private record Candidate(
            FamilyCategory category, Tri verdict, ZoneUnits zone, Set<GovernmentSource> basis, MessageRef reason) {}

    private final Declaration declaration;
    private final Facts facts;
    private final Set<GovernmentSource> unavailable;
    private final Placement hukou;
    private final String homeUnit;

    private CategoryRules(Declaration declaration, Facts facts) {
        this.declaration = declaration;
        this.facts = facts;
        this.hukou = facts.childHukou == null ? null : facts.childHukou.place();
        this.unavailable = unavailable(declaration, facts, hukou);
        this.homeUnit = declaration.home().unitKey();
    }

    /**
     * Sources whose silence leaves a condition open: those that failed; the hukou when it has no record of the child
     * (every child has a hukou somewhere, so "none" is not an answer); those the type needs but the province does
     * not share; and those the type does not need, once the hukou shows the family chose the wrong form.
     */
    static Set<GovernmentSource> unavailable(Declaration declaration, Facts facts, Placement hukou) {
        EnumSet<GovernmentSource> out = EnumSet.copyOf(facts.errored);
        if (hukou == null) {
            out.add(GovernmentSource.HUKOU);
        }
        Set<GovernmentSource> needed = SourcePlan.needed(declaration.type());
        boolean wrongForm = hukou != null
                && (declaration.type() == ApplicationType.LOCAL
                        ? hukou.kind() == Placement.Kind.OUTSIDE_COUNTY
                        : hukou.inCounty());
        for (GovernmentSource s : GovernmentSource.values()) {
            if (!facts.asked.contains(s) && (needed.contains(s) || wrongForm)) {
                out.add(s);
            }
        }
        return out;
    }

    static Judgement judge(Declaration declaration, Facts facts) {
        return new CategoryRules(declaration, facts).judge();
    }

    private Judgement judge() {
        List<Candidate> candidates = List.of(houseAndHukou(), houseOnly(), relative(), renting(), migrant());
        EnumSet<GovernmentSource> blockers = EnumSet.noneOf(GovernmentSource.class);
        Candidate chosen = null;
        for (Candidate c : candidates) {
            if (c.verdict().isTrue()) {
                chosen = c;
                break;
            }
            if (c.verdict().isUnknown()) {
                blockers.addAll(c.verdict().blockers());
            }
        }
        List<MessageRef> notes = new ArrayList<>(placeNotes());
        blockers.forEach(s -> notes.add(MessageRef.of(NOTE_PENDING, sourceName(s))));
        List<OfflineCheck> checks = new ArrayList<>();
        if (declaration.claim() != PreferentialClaim.NONE) {
            if (chosen != null) {
                notes.add(MessageRef.of(NOTE_FALLBACK, categoryName(chosen.category())));
            }
            MessageRef reason = MessageRef.of(
                    "verification.category.PREFERENTIAL." + declaration.claim().name());
            checks.add(new OfflineCheck(
                    null,
                    Proof.PREFERENTIAL_PROOF,
                    MessageRef.of(
                            PREFERENTIAL,
                            MessageRef.of(
                                    "verification.claim." + declaration.claim().name())),
                    OfflineChecks.upload(Proof.PREFERENTIAL_PROOF)));
            return new Judgement(
                    new CategoryFinding(
                            FamilyCategory.PREFERENTIAL,
                            false,
                            chosen == null ? null : chosen.zone(),
                            chosen == null ? Set.of() : chosen.basis(),
                            reason,
                            notes),
                    blockers,
                    checks);
        }
        if (chosen != null) {
            return new Judgement(
                    new CategoryFinding(
                            chosen.category(),
                            blockers.isEmpty(),
                            chosen.zone(),
                            chosen.basis(),
                            chosen.reason(),
                            notes),
                    blockers,
                    checks);
        }
        if (blockers.isEmpty()) {
            checks.addAll(whyNone());
        }
        return new Judgement(
                new CategoryFinding(null, false, null, Set.of(), MessageRef.of(NONE), notes), blockers, checks);
    }

    private Tri hukouInZone() {
        return hukou == null ? Tri.unknown(Set.of(GovernmentSource.HUKOU)) : hukou.inZone() ? Tri.TRUE : Tri.FALSE;
    }

    /** Homes of a holding in a zone, the one at the declared home first. */
    private List<HomeFact> homesInZone(Holding... holdings) {
        Set<Holding> wanted = Set.of(holdings);
        return facts.homes.stream()
                .filter(h -> wanted.contains(h.holding()) && h.place().inZone())
                .sorted(Comparator.comparing(
                                (HomeFact h) -> !homeUnit.equals(h.place().unitKey()))
                        .thenComparing(h -> h.source() != GovernmentSource.REAL_ESTATE_TITLE))
                .toList();
    }

    private Candidate houseAndHukou() {
        List<HomeFact> owned = homesInZone(Holding.PARENT);
        if (hukou == null) {
            return new Candidate(
                    FamilyCategory.HOUSE_AND_HUKOU,
                    Tri.and(hukouInZone(), Tri.found(!owned.isEmpty(), PROPERTY, unavailable)),
                    null,
                    Set.of(),
                    null);
        }
        HomeFact home = owned.stream()
                .filter(h -> h.place().sameUnit(hukou))
                .findFirst()
                .orElse(null);
        Tri verdict = Tri.and(hukouInZone(), Tri.found(home != null, PROPERTY, unavailable));
        if (!verdict.isTrue()) {
            return new Candidate(FamilyCategory.HOUSE_AND_HUKOU, verdict, null, Set.of(), null);
        }
        return new Candidate(
                FamilyCategory.HOUSE_AND_HUKOU,
                verdict,
                home.place().zone(),
                Set.of(GovernmentSource.HUKOU, home.source()),
                MessageRef.of(
                        "verification.category.HOUSE_AND_HUKOU",
                        home.place().zone().name(),
                        home.place().place(),
                        home.owner().name()));
    }

    private Candidate houseOnly() {
        List<HomeFact> owned = homesInZone(Holding.PARENT);
        if (hukou == null) {
            Tri verdict = owned.isEmpty()
                    ? Tri.found(false, PROPERTY, unavailable)
                    : Tri.unknown(Set.of(GovernmentSource.HUKOU));
            return new Candidate(FamilyCategory.HOUSE_ONLY, verdict, null, Set.of(), null);
        }
        HomeFact home = owned.stream()
                .filter(h -> !h.place().sameUnit(hukou))
                .findFirst()
                .orElse(null);
        Tri verdict = Tri.found(home != null, PROPERTY, unavailable);
        if (!verdict.isTrue()) {
            return new Candidate(FamilyCategory.HOUSE_ONLY, verdict, null, Set.of(), null);
        }
        return new Candidate(
                FamilyCategory.HOUSE_ONLY,
                verdict,
                home.place().zone(),
                Set.of(home.source(), GovernmentSource.HUKOU),
                MessageRef.of(
                        "verification.category.HOUSE_ONLY",
                        home.place().zone().name(),
                        home.place().place(),
                        home.owner().name(),
                        hukouRegion()));
    }

    private Candidate relative() {
        List<HomeFact> shared = homesInZone(Holding.RELATIVE, Holding.AFFORDABLE).stream()
                .filter(h -> hukou == null || h.place().sameUnit(hukou))
                .toList();
        Tri verdict = Tri.and(hukouInZone(), Tri.found(!shared.isEmpty(), RELATIVE_HOME, unavailable));
        if (!verdict.isTrue()) {
            return new Candidate(FamilyCategory.HUKOU_ONLY_RELATIVE, verdict, null, Set.of(), null);
        }
        HomeFact home = shared.get(0);
        MessageRef reason = home.holding() == Holding.AFFORDABLE
                ? MessageRef.of(RELATIVE_AFFORDABLE, hukou.zone().name(), hukou.place(), nonNull(home.use()))
                : MessageRef.of(
                        "verification.category.HUKOU_ONLY_RELATIVE",
                        hukou.zone().name(),
                        hukou.place(),
                        home.owner().name(),
                        MessageRef.of("verification.relation."
                                + home.owner().relation().name()));
        return new Candidate(
                FamilyCategory.HUKOU_ONLY_RELATIVE,
                verdict,
                hukou.zone(),
                Set.of(GovernmentSource.HUKOU, home.source()),
                reason);
    }

    private List<RentalFact> runningLeases() {
        return facts.rentals.stream()
                .filter(r -> r.running() && r.place().inCounty())
                .sorted(Comparator.comparing(
                        (RentalFact r) -> !homeUnit.equals(r.place().unitKey())))
                .toList();
    }

    private Candidate renting() {
        List<RentalFact> leases = runningLeases();
        Tri verdict = Tri.and(hukouInZone(), Tri.found(!leases.isEmpty(), RENTED, unavailable));
        if (!verdict.isTrue()) {
            return new Candidate(FamilyCategory.HUKOU_ONLY_RENTING, verdict, null, Set.of(), null);
        }
        RentalFact lease = leases.get(0);
        return new Candidate(
                FamilyCategory.HUKOU_ONLY_RENTING,
                verdict,
                hukou.zone(),
                Set.of(GovernmentSource.HUKOU, lease.source()),
                MessageRef.of(
                        "verification.category.HUKOU_ONLY_RENTING",
                        hukou.zone().name(),
                        hukou.place(),
                        lease.place().line(),
                        nonNull(lease.key()),
                        lease.end() == null ? "" : lease.end()));
    }

    private Tri hukouOutsideCounty() {
        return hukou == null
                ? Tri.unknown(Set.of(GovernmentSource.HUKOU))
                : hukou.kind() == Placement.Kind.OUTSIDE_COUNTY ? Tri.TRUE : Tri.FALSE;
    }

    private PermitFact qualifyingPermit() {
        return facts.permits.stream()
                .filter(p -> p.problem() == null)
                .findFirst()
                .orElse(null);
    }

    private InsuranceFact qualifyingInsurance() {
        return facts.insurance.stream()
                .filter(i -> i.problem() == null)
                .findFirst()
                .orElse(null);
    }

    private Facts.BusinessFact localBusiness() {
        return facts.businesses.stream()
                .filter(Facts.BusinessFact::inCounty)
                .findFirst()
                .orElse(null);
    }

    private List<HomeFact> ownedInCounty() {
        return facts.homes.stream()
                .filter(h -> h.holding() == Holding.PARENT && h.place().inCounty())
                .toList();
    }

    private Tri permitHeld() {
        return Tri.found(qualifyingPermit() != null, Set.of(GovernmentSource.RESIDENCE_PERMIT), unavailable);
    }

    private Tri residence() {
        return Tri.or(
                Tri.found(!runningLeases().isEmpty(), Set.of(GovernmentSource.RENTAL_REGISTRATION), unavailable),
                Tri.found(!ownedInCounty().isEmpty(), PROPERTY, unavailable));
    }

    private Tri employment() {
        return Tri.or(
                Tri.found(qualifyingInsurance() != null, Set.of(GovernmentSource.SOCIAL_INSURANCE), unavailable),
                Tri.found(localBusiness() != null, BUSINESS, unavailable));
    }

    private Candidate migrant() {
        Tri verdict = Tri.and(hukouOutsideCounty(), permitHeld(), residence(), employment());
        if (!verdict.isTrue()) {
            return new Candidate(FamilyCategory.MIGRANT, verdict, null, Set.of(), null);
        }
        PermitFact permit = qualifyingPermit();
        List<RentalFact> leases = runningLeases();
        Placement home = leases.isEmpty()
                ? ownedInCounty().get(0).place()
                : leases.get(0).place();
        GovernmentSource homeSource = leases.isEmpty()
                ? ownedInCounty().get(0).source()
                : leases.get(0).source();
        InsuranceFact insurance = qualifyingInsurance();
        MessageRef work;
        GovernmentSource workSource;
        if (insurance != null) {
            work = MessageRef.of(
                    EMPLOYMENT_INSURANCE,
                    insurance.paidInWindow(),
                    nonNull(RecordValues.text(insurance.record(), "employerName")));
            workSource = GovernmentSource.SOCIAL_INSURANCE;
        } else {
            Facts.BusinessFact business = localBusiness();
            work = MessageRef.of(EMPLOYMENT_BUSINESS, nonNull(business.name()));
            workSource = business.source();
        }
        return new Candidate(
                FamilyCategory.MIGRANT,
                verdict,
                home.zone(),
                Set.of(GovernmentSource.HUKOU, GovernmentSource.RESIDENCE_PERMIT, homeSource, workSource),
                MessageRef.of(
                        "verification.category.MIGRANT",
                        hukouRegion(),
                        permit.validUntil() == null ? "" : permit.validUntil(),
                        home.line(),
                        work));
    }

    /** Where the records put the hukou and parents' homes that no zone covers: said whatever the category. */
    private List<MessageRef> placeNotes() {
        Map<String, MessageRef> notes = new LinkedHashMap<>();
        if (hukou != null && (hukou.kind() == Placement.Kind.IN_COUNTY || hukou.kind() == Placement.Kind.UNREADABLE)) {
            notes.put(
                    "hukou " + hukou.line(),
                    MessageRef.of(SourceChecks.OUTSIDE_ZONES, MessageRef.of(SourceChecks.SUBJECT_HUKOU), hukou.line()));
        }
        for (HomeFact h : facts.homes) {
            if (h.holding() != Holding.PARENT || h.place().inZone()) {
                continue;
            }
            String key = h.place().kind() == Placement.Kind.OUTSIDE_COUNTY
                    ? SourceChecks.OUTSIDE_COUNTY
                    : SourceChecks.OUTSIDE_ZONES;
            notes.putIfAbsent(
                    "home " + h.place().line(),
                    MessageRef.of(
                            key,
                            MessageRef.of(SourceChecks.SUBJECT_PROPERTY),
                            h.place().line()));
        }
        return List.copyOf(notes.values());
    }

    /**
     * Every source answered and no category fits: say what is missing for the category the hukou points to (随迁子女
     * for a hukou outside the county, 有户无房 otherwise), and where homes lie outside every zone.
     */
    private List<OfflineCheck> whyNone() {
        List<OfflineCheck> checks = new ArrayList<>();
        for (MessageRef note : placeNotes()) {
            checks.add(new OfflineCheck(null, Proof.HOUSING_PROOF, note, OfflineChecks.counter(Proof.HOUSING_PROOF)));
        }
        if (hukou != null && hukou.kind() == Placement.Kind.OUTSIDE_COUNTY) {
            if (permitHeld().isFalse()) {
                MessageRef reason = facts.permits.isEmpty()
                        ? MessageRef.of(NO_PERMIT)
                        : facts.permits.get(0).problem();
                checks.add(new OfflineCheck(
                        GovernmentSource.RESIDENCE_PERMIT,
                        Proof.RESIDENCE_PERMIT,
                        reason,
                        facts.permits.isEmpty()
                                ? OfflineChecks.uploadOrBring(Proof.RESIDENCE_PERMIT)
                                : OfflineChecks.upload(Proof.RESIDENCE_PERMIT)));
            }
            if (residence().isFalse()) {
                checks.add(new OfflineCheck(
                        GovernmentSource.RENTAL_REGISTRATION,
                        Proof.RENTAL_CONTRACT,
                        MessageRef.of(NO_RESIDENCE),
                        OfflineChecks.uploadOrBring(Proof.RENTAL_CONTRACT)));
            }
            if (employment().isFalse()) {
                MessageRef reason = facts.insurance.isEmpty()
                        ? MessageRef.of(NO_EMPLOYMENT)
                        : facts.insurance.get(0).problem();
                checks.add(new OfflineCheck(
                        GovernmentSource.SOCIAL_INSURANCE,
                        Proof.SOCIAL_INSURANCE_RECORD,
                        reason,
                        OfflineChecks.uploadOrBring(Proof.SOCIAL_INSURANCE_RECORD)));
            }
        } else if (hukou != null && hukou.inZone()) {
            checks.add(new OfflineCheck(
                    null,
                    Proof.HOUSING_PROOF,
                    MessageRef.of(NO_HOUSING, hukou.zone().name(), hukou.place()),
                    OfflineChecks.counter(Proof.HOUSING_PROOF)));
        }
        if (checks.isEmpty()) {
            checks.add(new OfflineCheck(
                    null, Proof.HOUSING_PROOF, MessageRef.of(NONE), OfflineChecks.counter(Proof.HOUSING_PROOF)));
        }
        return checks;
    }

    private String hukouRegion() {
        String region = facts.childHukou == null ? null : RecordValues.text(facts.childHukou.record(), "regionName");
        return region == null ? nonNull(hukou == null ? null : hukou.line()) : region;
    }

    static MessageRef sourceName(GovernmentSource source) {
        return MessageRef.of("verification.source." + source.name());
    }

    static MessageRef categoryName(FamilyCategory category) {
        return MessageRef.of("verification.category-name." + category.name());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
