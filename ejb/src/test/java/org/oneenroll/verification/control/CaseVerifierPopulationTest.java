package org.oneenroll.verification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.simulator.population.Child;
import org.oneenroll.simulator.population.Defect;
import org.oneenroll.simulator.population.DefectKind;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.Family;
import org.oneenroll.simulator.population.FamilyScenario;
import org.oneenroll.simulator.population.ResidencePermitRecord;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.EligibilityThresholds;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.FieldMismatch;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.MessageRef;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;
import org.oneenroll.verification.entity.VerificationResult;
import org.oneenroll.verification.entity.VerificationStatus;

/**
 * The rules against the simulator's population, whose truth is known: every applicant child of 3,000 families
 * (seed 2026, default defect rates), declared as a parent would and answered from the records the platform
 * would return. Clean families must get the category they were built for; every injected defect must show as
 * the outcome and reason a reviewer needs.
 */
class CaseVerifierPopulationTest {

    static final int FAMILIES = 3000;
    static final SimulatedFamilies SIM = new SimulatedFamilies(2026, FAMILIES, DefectRates.defaults());
    static final Map<Stage, PlanContext> GANSU = new EnumMap<>(Stage.class);
    static final Map<Stage, PlanContext> JINING = new EnumMap<>(Stage.class);
    static final List<Case> CASES = new ArrayList<>();

    /** One applicant child of one family, declared and answered. */
    record Case(
            Family family,
            Child applicant,
            Declaration declaration,
            List<Question> questions,
            List<SourceAnswer> answers) {

        boolean clean() {
            return family.defects().isEmpty();
        }

        FamilyScenario scenario() {
            return family.scenario();
        }

        boolean defect(DefectKind kind) {
            return family.hasDefect(kind);
        }

        /** Only defects of these kinds (rare names change nothing a reviewer decides on). */
        boolean onlyDefects(DefectKind... kinds) {
            Set<DefectKind> allowed = Set.of(kinds);
            return family.defects().stream().allMatch(d -> allowed.contains(d.kind()));
        }
    }

    private final CaseVerifier cut = new CaseVerifier();

    @BeforeAll
    static void declareAndAnswer() {
        for (Stage stage : Stage.values()) {
            GANSU.put(stage, SIM.plan(stage, EligibilityThresholds.GANSU, PlanContext.ALL_SOURCES));
            JINING.put(stage, SIM.plan(stage, EligibilityThresholds.JINING, PlanContext.ALL_SOURCES));
        }
        SIM.generator.families(FAMILIES).forEach(f -> {
            for (Child child : f.applicants()) {
                Stage stage = Stage.valueOf(child.role().stage().name());
                Declaration d = SimulatedFamilies.declare(f, child, GANSU.get(stage));
                List<Question> questions = SourcePlan.questions(d);
                CASES.add(new Case(f, child, d, questions, SIM.answers(questions)));
            }
        });
    }

    private VerificationResult verify(Case c) {
        return cut.verify(c.declaration(), c.questions(), c.answers(), SIM.checkDate());
    }

    private static String category(VerificationResult r) {
        return r.category().derived().map(Enum::name).orElse("NONE");
    }

    /** scenario -> derived category -> count, for assertion messages. */
    private static final class Confusion {
        final Map<FamilyScenario, Map<String, Integer>> counts = new EnumMap<>(FamilyScenario.class);
        int total;
        int wrong;

        void add(FamilyScenario scenario, String derived, boolean right) {
            counts.computeIfAbsent(scenario, k -> new TreeMap<>()).merge(derived, 1, Integer::sum);
            total++;
            if (!right) {
                wrong++;
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("cases " + total + ", wrong " + wrong + ":");
            counts.forEach((s, m) -> sb.append("\n  ").append(s).append(" -> ").append(m));
            return sb.toString();
        }
    }

    @Test
    void cleanFamiliesGetTheCategoryTheyWereBuiltFor() {
        Confusion confusion = new Confusion();
        List<String> failures = new ArrayList<>();
        EnumSet<FamilyScenario> seen = EnumSet.noneOf(FamilyScenario.class);
        for (Case c : CASES) {
            if (!c.clean()) {
                continue;
            }
            VerificationResult r = verify(c);
            FamilyCategory expected = SimulatedFamilies.expected(c.scenario());
            boolean right = r.category().derived().orElse(null) == expected;
            if (c.scenario() == FamilyScenario.PREFERENTIAL) {
                right &= r.status() == VerificationStatus.NEEDS_OFFLINE_CHECK
                        && r.offlineChecks().size() == 1
                        && r.offlineChecks().get(0).proof() == Proof.PREFERENTIAL_PROOF;
            } else {
                right &= r.status() == VerificationStatus.VERIFIED
                        && r.category().confirmed();
            }
            confusion.add(c.scenario(), category(r), right);
            seen.add(c.scenario());
            if (!right && failures.size() < 5) {
                failures.add(c.family().index() + " " + c.scenario() + ": " + category(r) + " "
                        + r.category().reason().render(Locale.SIMPLIFIED_CHINESE) + " / " + r.offlineChecks());
            }
        }
        System.out.println("clean families, Gansu thresholds: " + confusion);
        assertEquals(EnumSet.allOf(FamilyScenario.class), seen, "every scenario kind is covered");
        assertEquals(0, confusion.wrong, confusion + "\nfirst failures: " + failures);
        assertTrue(confusion.total > 2500, confusion.toString());
    }

    @Test
    void cleanFamiliesHaveTheirFormsFilledFromTheRecords() {
        Map<FamilyScenario, int[]> filled = new EnumMap<>(FamilyScenario.class);
        for (Case c : CASES) {
            if (!c.clean()) {
                continue;
            }
            VerificationResult r = verify(c);
            assertTrue(
                    r.filled().hukouAddress().isPresent()
                            && r.filled().householder().isPresent()
                            && r.filled().relationToHouseholder().isPresent()
                            && r.filled().ethnicity().isPresent()
                            && r.filled().birthplace().isPresent(),
                    () -> "hukou fields of " + c.family().index());
            assertTrue(r.filled().photo().isEmpty(), "the simulator has no photos");
            switch (c.scenario()) {
                case HOUSE_AND_HUKOU, HOUSE_ONLY, HUKOU_ONLY_RELATIVES -> assertTrue(
                        r.filled().propertyAddress().isPresent()
                                && r.filled().coOwnershipType().isPresent(),
                        () -> "property fields of " + c.family().index());
                case MIGRANT -> assertEquals(
                        Boolean.TRUE,
                        r.filled().permitValid().orElse(null),
                        () -> "permit of " + c.family().index());
                default -> {}
            }
            int[] n = filled.computeIfAbsent(c.scenario(), k -> new int[2]);
            n[0]++;
            n[1] += r.filled().count();
        }
        StringBuilder avg = new StringBuilder();
        filled.forEach((s, n) -> avg.append(s).append(String.format(" %.1f; ", n[1] / (double) n[0])));
        System.out.println("fields filled per case, mean: " + avg);
    }

    @Test
    void rareCharacterNamesStillMatch() {
        int cases = 0;
        int beyondBmp = 0;
        for (Case c : CASES) {
            if (!c.defect(DefectKind.RARE_CHARACTER_NAME)) {
                continue;
            }
            Defect d = defect(c, DefectKind.RARE_CHARACTER_NAME);
            VerificationResult r = verify(c);
            for (Evidence e : r.evidence()) {
                assertTrue(
                        e.mismatches().isEmpty(),
                        () -> "no mismatch for family " + c.family().index() + ": " + e.mismatches());
            }
            boolean subjectIsApplicant =
                    d.subjectIdNumber().equals(c.applicant().person().idNumber());
            if (subjectIsApplicant && !c.defect(DefectKind.MISSING_HUKOU_RECORD)) {
                assertEquals(
                        CheckOutcome.MATCHED,
                        r.evidence(GovernmentSource.HUKOU).get(0).outcome());
                String name = c.applicant().person().name();
                if (name.codePointCount(0, name.length()) < name.length()) {
                    beyondBmp++;
                }
            }
            if (c.onlyDefects(DefectKind.RARE_CHARACTER_NAME)) {
                assertEquals(
                        SimulatedFamilies.expected(c.scenario()),
                        r.category().derived().orElse(null),
                        () -> "category of " + c.family().index());
            }
            cases++;
        }
        System.out.println("rare-character cases: " + cases + ", applicant names beyond the BMP: " + beyondBmp);
        assertTrue(cases >= 30 && beyondBmp > 0, "cases " + cases + ", beyond BMP " + beyondBmp);
    }

    @Test
    void anExpiredPermitLeavesAMigrantUnconfirmedAndAsksForThePermit() {
        int unconfirmed = 0;
        int coveredBySpouse = 0;
        int otherScenarios = 0;
        for (Case c : CASES) {
            if (!c.defect(DefectKind.EXPIRED_RESIDENCE_PERMIT)) {
                continue;
            }
            Defect d = defect(c, DefectKind.EXPIRED_RESIDENCE_PERMIT);
            VerificationResult r = verify(c);
            boolean asked = c.declaration().guardians().stream()
                    .anyMatch(g -> g.idNumber().equals(d.subjectIdNumber()));
            if (asked) {
                Evidence e = evidenceAbout(r, GovernmentSource.RESIDENCE_PERMIT, d.subjectIdNumber());
                assertTrue(
                        e.noted(SourceChecks.PERMIT_EXPIRED),
                        () -> "expired permit noted for " + c.family().index());
                if (d.subjectIdNumber()
                        .equals(c.declaration().guardians().get(0).idNumber())) {
                    assertEquals(Boolean.FALSE, r.filled().permitValid().orElse(null));
                }
            }
            if (c.scenario() != FamilyScenario.MIGRANT) {
                otherScenarios++;
                continue;
            }
            boolean otherValid = c.family().records().residencePermits().stream()
                    .filter(p -> !p.idNumber().equals(d.subjectIdNumber()))
                    .filter(p -> c.declaration().guardians().stream()
                            .anyMatch(g -> g.idNumber().equals(p.idNumber())))
                    .anyMatch(p -> validOn(p));
            if (otherValid) {
                coveredBySpouse++;
                continue;
            }
            assertTrue(
                    r.category().derived().isEmpty(),
                    () -> "no migrant category for " + c.family().index());
            assertEquals(VerificationStatus.NEEDS_OFFLINE_CHECK, r.status());
            assertTrue(
                    r.offlineChecks().stream()
                            .anyMatch(o -> o.source() == GovernmentSource.RESIDENCE_PERMIT
                                    && o.proof() == Proof.RESIDENCE_PERMIT
                                    && o.reason().key().equals(SourceChecks.PERMIT_EXPIRED)),
                    () -> "asks for the permit: " + r.offlineChecks());
            unconfirmed++;
        }
        String counts = "migrants unconfirmed " + unconfirmed + ", covered by the other guardian's permit "
                + coveredBySpouse + ", other scenarios " + otherScenarios;
        System.out.println("expired permits: " + counts);
        assertTrue(unconfirmed >= 3, counts);
    }

    @Test
    void aPropertyOutsideTheZonesOrTheCountyIsNeverHouseAndHukouAndTheReasonSaysWhere() {
        Map<DefectKind, Map<String, Integer>> outcomes = new EnumMap<>(DefectKind.class);
        for (DefectKind kind : List.of(DefectKind.PROPERTY_OUTSIDE_ZONES, DefectKind.PROPERTY_OUTSIDE_COUNTY)) {
            String key = kind == DefectKind.PROPERTY_OUTSIDE_ZONES
                    ? SourceChecks.OUTSIDE_ZONES
                    : SourceChecks.OUTSIDE_COUNTY;
            for (Case c : CASES) {
                if (!c.defect(kind)) {
                    continue;
                }
                VerificationResult r = verify(c);
                FamilyCategory derived = r.category().derived().orElse(null);
                outcomes.computeIfAbsent(kind, k -> new TreeMap<>())
                        .merge(c.scenario() + "->" + category(r), 1, Integer::sum);
                assertNotEquals(
                        FamilyCategory.HOUSE_AND_HUKOU,
                        derived,
                        () -> "family " + c.family().index());
                assertNotEquals(
                        FamilyCategory.HOUSE_ONLY,
                        derived,
                        () -> "family " + c.family().index());
                String line = c.family().home().line();
                assertTrue(
                        r.category().notes().stream()
                                .anyMatch(n -> n.key().equals(key)
                                        && n.render(Locale.SIMPLIFIED_CHINESE).contains(line)),
                        () -> "says where: " + r.category().notes());
                if (r.category().derived().isEmpty()) {
                    assertEquals(VerificationStatus.NEEDS_OFFLINE_CHECK, r.status());
                    assertFalse(r.offlineChecks().isEmpty());
                }
            }
        }
        System.out.println("homes outside zones or county: " + outcomes);
        assertTrue(
                outcomes.getOrDefault(DefectKind.PROPERTY_OUTSIDE_ZONES, Map.of()).values().stream()
                                .mapToInt(Integer::intValue)
                                .sum()
                        >= 20,
                outcomes.toString());
        assertTrue(
                outcomes.getOrDefault(DefectKind.PROPERTY_OUTSIDE_COUNTY, Map.of()).values().stream()
                                .mapToInt(Integer::intValue)
                                .sum()
                        >= 15,
                outcomes.toString());
    }

    private static final Pattern HOLE = Pattern.compile("断缴(\\d+)个月");

    @Test
    void anInsuranceGapIsCountedShortByTheMonthsMissing() {
        int counted = 0;
        int migrantsUnconfirmed = 0;
        int notAGuardian = 0;
        for (Case c : CASES) {
            if (!c.defect(DefectKind.SOCIAL_INSURANCE_GAP)) {
                continue;
            }
            Defect d = defect(c, DefectKind.SOCIAL_INSURANCE_GAP);
            if (c.declaration().guardians().stream().noneMatch(g -> g.idNumber().equals(d.subjectIdNumber()))) {
                notAGuardian++;
                continue;
            }
            Matcher m = HOLE.matcher(d.detail());
            assertTrue(m.find(), d.detail());
            int hole = Integer.parseInt(m.group(1));
            VerificationResult r = verify(c);
            Evidence e = evidenceAbout(r, GovernmentSource.SOCIAL_INSURANCE, d.subjectIdNumber());
            MessageRef finding = e.findings().stream()
                    .filter(f -> f.key().equals(SourceChecks.INSURANCE_SHORT))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no shortfall noted: " + e.findings()));
            assertEquals(hole, ((Number) finding.args().get(3)).intValue(), () -> "months missing, " + d.detail());
            assertEquals(24, ((Number) finding.args().get(1)).intValue(), "the whole window was due");
            counted++;
            boolean otherWork = c.family().records().socialInsurance().stream()
                    .anyMatch(s -> !s.idNumber().equals(d.subjectIdNumber())
                            && c.declaration().guardians().stream()
                                    .anyMatch(g -> g.idNumber().equals(s.idNumber())));
            if (c.scenario() == FamilyScenario.MIGRANT
                    && !otherWork
                    && c.onlyDefects(DefectKind.SOCIAL_INSURANCE_GAP, DefectKind.RARE_CHARACTER_NAME)) {
                assertTrue(
                        r.category().derived().isEmpty(),
                        () -> "family " + c.family().index());
                assertTrue(
                        r.offlineChecks().stream()
                                .anyMatch(o -> o.source() == GovernmentSource.SOCIAL_INSURANCE
                                        && o.reason().key().equals(SourceChecks.INSURANCE_SHORT)),
                        r.offlineChecks()::toString);
                migrantsUnconfirmed++;
            } else if (c.onlyDefects(DefectKind.SOCIAL_INSURANCE_GAP) && c.scenario() != FamilyScenario.MIGRANT) {
                assertEquals(
                        SimulatedFamilies.expected(c.scenario()),
                        r.category().derived().orElse(null),
                        "a gap does not change a category that needs no insurance");
            }
        }
        String counts = "gaps counted " + counted + " (migrants left unconfirmed " + migrantsUnconfirmed
                + "), gap of an adult who is not a guardian (not asked) " + notAGuardian;
        System.out.println("insurance gaps: " + counts);
        assertTrue(counted >= 30 && migrantsUnconfirmed >= 3, counts);
    }

    @Test
    void aMissingHukouOrBirthCertificateIsNoRecordAndNamesTheProof() {
        Map<DefectKind, Integer> counts = new EnumMap<>(DefectKind.class);
        for (DefectKind kind : List.of(DefectKind.MISSING_HUKOU_RECORD, DefectKind.MISSING_BIRTH_CERTIFICATE)) {
            GovernmentSource source = kind == DefectKind.MISSING_HUKOU_RECORD
                    ? GovernmentSource.HUKOU
                    : GovernmentSource.BIRTH_CERTIFICATE;
            Proof proof = kind == DefectKind.MISSING_HUKOU_RECORD ? Proof.HUKOU_BOOKLET : Proof.BIRTH_CERTIFICATE;
            for (Case c : CASES) {
                if (!c.defect(kind)
                        || !defect(c, kind)
                                .subjectIdNumber()
                                .equals(c.applicant().person().idNumber())) {
                    continue;
                }
                VerificationResult r = verify(c);
                assertEquals(CheckOutcome.NO_RECORD, r.evidence(source).get(0).outcome());
                assertEquals(VerificationStatus.NEEDS_OFFLINE_CHECK, r.status());
                OfflineCheck check = r.offlineChecks().stream()
                        .filter(o -> o.source() == source)
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("no offline check for " + source + ": " + r.offlineChecks()));
                assertEquals(proof, check.proof());
                assertEquals(OfflineChecks.REASON_NO_RECORD, check.reason().key());
                assertEquals(
                        OfflineChecks.ACTION_UPLOAD_OR_BRING, check.action().key());
                assertTrue(
                        check.action()
                                .render(Locale.SIMPLIFIED_CHINESE)
                                .contains(proof.label().render(Locale.SIMPLIFIED_CHINESE)),
                        "the action names the proof");
                if (kind == DefectKind.MISSING_BIRTH_CERTIFICATE
                        && c.onlyDefects(kind)
                        && c.scenario() != FamilyScenario.PREFERENTIAL) {
                    assertEquals(Set.of(GovernmentSource.BIRTH_CERTIFICATE), r.offlineSources());
                    assertEquals(
                            SimulatedFamilies.expected(c.scenario()),
                            r.category().derived().orElse(null));
                }
                counts.merge(kind, 1, Integer::sum);
            }
        }
        System.out.println("missing records: " + counts);
        assertTrue(
                counts.getOrDefault(DefectKind.MISSING_HUKOU_RECORD, 0) >= 20
                        && counts.getOrDefault(DefectKind.MISSING_BIRTH_CERTIFICATE, 0) >= 20,
                counts.toString());
    }

    @Test
    void aSourceErrorNeedsAnOfflineCheckForThatSourceOnly() {
        Map<GovernmentSource, int[]> tally = new EnumMap<>(GovernmentSource.class);
        int sampled = 0;
        for (int i = 0; i < CASES.size(); i += 4) {
            Case c = CASES.get(i);
            if (!c.clean() || c.scenario() == FamilyScenario.PREFERENTIAL) {
                continue;
            }
            sampled++;
            VerificationResult baseline = verify(c);
            for (GovernmentSource source :
                    c.questions().stream().map(Question::source).distinct().toList()) {
                List<SourceAnswer> broken = c.answers().stream()
                        .map(a -> a.source() == source
                                ? SourceAnswer.failed(
                                        source,
                                        SourceFailure.SERVER_ERROR,
                                        "r",
                                        a.askedAt(),
                                        Duration.ofMillis(5),
                                        "HTTP 500")
                                : a)
                        .toList();
                VerificationResult r = cut.verify(c.declaration(), c.questions(), broken, SIM.checkDate());
                int[] n = tally.computeIfAbsent(source, k -> new int[2]);
                n[0]++;
                assertTrue(
                        Set.of(source).containsAll(r.offlineSources()),
                        () -> source + " down for family " + c.family().index() + " but " + r.offlineChecks());
                assertTrue(r.offlineChecks().stream().allMatch(o -> o.source() == source), r.offlineChecks()::toString);
                for (int q = 0; q < c.questions().size(); q++) {
                    if (c.questions().get(q).source() != source) {
                        assertEquals(baseline.evidence().get(q), r.evidence().get(q), "other sources unchanged");
                    }
                }
                if (r.status() == VerificationStatus.NEEDS_OFFLINE_CHECK) {
                    n[1]++;
                    assertTrue(
                            r.offlineChecks().stream()
                                    .allMatch(o -> o.action().key().equals(OfflineChecks.ACTION_RECHECK)),
                            r.offlineChecks()::toString);
                } else {
                    assertEquals(baseline.category().derived(), r.category().derived());
                }
                if (source == GovernmentSource.HUKOU || source == GovernmentSource.BIRTH_CERTIFICATE) {
                    assertEquals(VerificationStatus.NEEDS_OFFLINE_CHECK, r.status(), "an identity record is needed");
                }
            }
        }
        StringBuilder sb = new StringBuilder("cases " + sampled + "; source down -> cases needing a check / cases:");
        tally.forEach((s, n) ->
                sb.append("\n  ").append(s).append(' ').append(n[1]).append('/').append(n[0]));
        System.out.println("one source down: " + sb);
        assertTrue(sampled > 500, sb.toString());
    }

    @Test
    void aTypedNameThatDiffersFromTheRecordIsAMismatchNamingTheField() {
        int children = 0;
        int guardians = 0;
        for (int i = 0; i < CASES.size(); i += 7) {
            Case c = CASES.get(i);
            if (!c.clean()) {
                continue;
            }
            Declaration d = c.declaration();
            String real = d.child().name();
            String typo = real.substring(0, real.length() - 1) + (real.endsWith("华") ? "花" : "华");
            Declaration wrongChild = new Declaration(
                    d.type(),
                    new DeclaredPerson(typo, d.child().idNumber(), d.child().relation()),
                    d.guardians(),
                    d.householdMembers(),
                    d.home(),
                    d.permits(),
                    d.certificateNumber(),
                    d.claim(),
                    d.plan());
            VerificationResult r = cut.verify(wrongChild, c.questions(), c.answers(), SIM.checkDate());
            Evidence hukou = r.evidence(GovernmentSource.HUKOU).get(0);
            assertEquals(CheckOutcome.MISMATCH, hukou.outcome());
            assertEquals(List.of(new FieldMismatch("name", typo, real)), hukou.mismatches());
            assertTrue(r.evidence(GovernmentSource.BIRTH_CERTIFICATE)
                    .get(0)
                    .mismatches()
                    .contains(new FieldMismatch("childName", typo, real)));
            assertEquals(VerificationStatus.NEEDS_OFFLINE_CHECK, r.status());
            OfflineCheck check = r.offlineChecks().stream()
                    .filter(o -> o.source() == GovernmentSource.HUKOU)
                    .findFirst()
                    .orElseThrow();
            String said = check.reason().render(Locale.SIMPLIFIED_CHINESE);
            assertTrue(said.contains("姓名") && said.contains(typo) && said.contains(real), said);
            children++;

            DeclaredPerson g = d.guardians().get(0);
            String gTypo = g.name() + "文";
            List<DeclaredPerson> renamed = new ArrayList<>(d.guardians());
            renamed.set(0, new DeclaredPerson(gTypo, g.idNumber(), g.relation()));
            Declaration wrongGuardian = new Declaration(
                    d.type(),
                    d.child(),
                    renamed,
                    d.householdMembers(),
                    d.home(),
                    d.permits(),
                    d.certificateNumber(),
                    d.claim(),
                    d.plan());
            VerificationResult rg = cut.verify(wrongGuardian, c.questions(), c.answers(), SIM.checkDate());
            // A co-buyer is on a purchase contract by name only: the name is the key there, not a checked field.
            List<Evidence> found = rg.evidence().stream()
                    .filter(e -> e.subjectIdNumber().equals(g.idNumber())
                            && e.outcome() != CheckOutcome.NO_RECORD
                            && (e.source() != GovernmentSource.PURCHASE_CONTRACT
                                    || e.answer().records().stream()
                                            .anyMatch(rec -> g.idNumber().equals(rec.get("buyerIdNumber")))))
                    .toList();
            for (Evidence e : found) {
                assertTrue(
                        e.mismatches().stream()
                                .anyMatch(m ->
                                        m.typed().equals(gTypo) && m.recorded().equals(g.name())),
                        () -> e.source() + " names the field: " + e.mismatches());
            }
            if (!found.isEmpty()) {
                guardians++;
                assertEquals(VerificationStatus.NEEDS_OFFLINE_CHECK, rg.status());
            }
        }
        System.out.println("typed-name mismatches: children " + children + ", guardians " + guardians);
        assertTrue(children > 300 && guardians > 100, children + " / " + guardians);
    }

    @Test
    void underTheSixMonthPermitRuleEveryUnconfirmedMigrantIsExplainedByThePermitsIssueDate() {
        Confusion confusion = new Confusion();
        int tooRecent = 0;
        for (Case c : CASES) {
            if (!c.clean()) {
                continue;
            }
            Declaration jining = new Declaration(
                    c.declaration().type(),
                    c.declaration().child(),
                    c.declaration().guardians(),
                    c.declaration().householdMembers(),
                    c.declaration().home(),
                    c.declaration().permits(),
                    c.declaration().certificateNumber(),
                    c.declaration().claim(),
                    JINING.get(c.declaration().plan().stage()));
            VerificationResult r = cut.verify(jining, c.questions(), c.answers(), SIM.checkDate());
            FamilyCategory expected = SimulatedFamilies.expected(c.scenario());
            boolean right = r.category().derived().orElse(null) == expected;
            confusion.add(c.scenario(), category(r), right);
            if (!right) {
                assertEquals(
                        FamilyScenario.MIGRANT,
                        c.scenario(),
                        () -> "only migrants depend on the permit rule: "
                                + c.family().index());
                assertTrue(
                        r.offlineChecks().stream()
                                .anyMatch(o -> o.reason().key().equals(SourceChecks.PERMIT_TOO_RECENT)),
                        r.offlineChecks()::toString);
                tooRecent++;
            }
        }
        System.out.println("clean families, seed 001 six-month permit rule: " + confusion);
        assertTrue(tooRecent > 0, "the generator issues permits up to the day before 1 June: " + confusion);
    }

    @Test
    void everySentenceRendersInBothLanguages() {
        List<MessageRef> said = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i += 3) {
            VerificationResult r = verify(CASES.get(i));
            said.add(r.category().reason());
            said.addAll(r.category().notes());
            r.evidence().forEach(e -> said.addAll(e.findings()));
            r.evidence().forEach(e -> e.mismatches().forEach(m -> said.add(m.label())));
            r.offlineChecks().forEach(o -> {
                said.add(o.reason());
                said.add(o.action());
            });
        }
        for (MessageRef m : said) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String text = m.render(locale);
                assertFalse(text.contains("verification."), () -> m + " in " + locale + ": " + text);
            }
        }
    }

    private static Defect defect(Case c, DefectKind kind) {
        return c.family().defects().stream()
                .filter(d -> d.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    private static Evidence evidenceAbout(VerificationResult r, GovernmentSource source, String id) {
        Predicate<Evidence> about =
                e -> e.source() == source && e.subjectIdNumber().equals(id);
        return r.evidence().stream()
                .filter(about)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + source + " evidence about " + id));
    }

    private static boolean validOn(ResidencePermitRecord p) {
        return !SIM.checkDate().isBefore(p.issueDate()) && !SIM.checkDate().isAfter(p.validUntil());
    }
}
