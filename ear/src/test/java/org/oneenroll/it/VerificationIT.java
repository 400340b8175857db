package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.audit.entity.AuditEntry;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.CaseTransition;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.ConsentGrant;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.boundary.Verifications;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.control.SourceFanOut;
import org.oneenroll.verification.control.SourceGuard;
import org.oneenroll.verification.entity.CaseVerification;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.EvidenceEntry;
import org.oneenroll.verification.entity.FilledField;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.SourceFailure;
import org.oneenroll.verification.entity.VerificationResult;
import org.oneenroll.verification.entity.VerificationStatus;

/**
 * Cases of the test county's generated families go through the whole check on the server: submitted with the
 * guardian's authorisation, verified in the background against the simulated platform, stored, audited. The
 * platform answers from the same families, so each outcome is known in advance.
 */
@ExtendWith(ArquillianExtension.class)
class VerificationIT {

    static final RegionCode COUNTY = RegionCode.of("620123");
    /** The intake the test county was generated for (read on the server, where the property is set). */
    static int year() {
        return LocalDate.parse(System.getProperty("oneenroll.verification.check-date"))
                .getYear();
    }

    static final Duration SETTLES = Duration.ofSeconds(60);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    Cases cases;

    @Inject
    Verifications verifications;

    @Inject
    PlanContexts plans;

    @Inject
    AuditTrail audit;

    @Inject
    SourceFanOut fanOut;

    private final Simulator simulator = new Simulator();

    @BeforeEach
    void platformIsUpWithoutFaults() {
        simulator.awaitUp();
        simulator.reset();
    }

    @AfterEach
    void faultsOff() {
        simulator.reset();
    }

    @Test
    void aCleanFamilyIsVerifiedCategorisedFilledAndAudited() {
        JsonObject family = Families.where(
                        "without defects, house and hukou, applying for primary",
                        f -> Families.clean(f)
                                && Families.scenario(f).equals("HOUSE_AND_HUKOU")
                                && Families.applies(f, Stage.PRIMARY))
                .get(0);
        Declaration declaration = declare(family);

        EnrollmentCase submitted = submit(family, declaration, true);
        assertTrue(submitted.caseNumber().matches("620123-" + year() + "-X-\\d{6}"), submitted.caseNumber());
        EnrollmentCase c = settled(submitted.caseNumber());

        assertEquals(
                CaseStatus.VERIFIED,
                c.status(),
                () -> "offline checks: " + latest(c).offlineChecks());
        assertEquals(FamilyCategory.HOUSE_AND_HUKOU, c.category());
        assertTrue(c.categoryConfirmed());
        assertNotNull(c.zoneCode());
        VerificationResult result = latest(c);
        assertTrue(result.offlineChecks().isEmpty());
        assertTrue(result.category().reason().render(null).length() > 10, "the reason is a sentence");
        for (FilledField f : List.of(
                FilledField.HUKOU_ADDRESS,
                FilledField.HOUSEHOLDER,
                FilledField.ETHNICITY,
                FilledField.PROPERTY_ADDRESS,
                FilledField.PROPERTY_REGISTRATION_DATE,
                FilledField.CERTIFICATE_NUMBER)) {
            assertTrue(result.filled().has(f), () -> f + " filled: " + result.filled());
        }
        assertEquals(
                CheckOutcome.MATCHED,
                result.evidence().stream()
                        .filter(e -> e.source() == GovernmentSource.HUKOU
                                && e.subjectIdNumber().equals(Families.childId(family)))
                        .findFirst()
                        .orElseThrow()
                        .outcome());

        // The stored evidence lines: one per question, each with its time, latency and the platform's query id.
        List<CaseVerification> runs = verifications.history(c.caseNumber());
        assertEquals(1, runs.size());
        CaseVerification run = runs.get(0);
        assertEquals(CaseVerification.Trigger.SUBMISSION, run.trigger());
        assertEquals(result.evidence().size(), run.evidence().size());
        for (EvidenceEntry line : run.evidence()) {
            assertTrue(line.queryId() > 0, () -> line.source() + " has the platform's query id");
            assertTrue(line.latencyMs() > 0, () -> line.source() + " latency");
            assertTrue(line.subjectMasked().contains("********"));
            assertFalse(line.fieldsUsed().isEmpty() && line.outcome() == CheckOutcome.MATCHED);
        }

        // The history: submitted, verifying, verified.
        List<CaseStatus> path =
                cases.history(c.caseNumber()).stream().map(CaseTransition::to).toList();
        assertEquals(List.of(CaseStatus.SUBMITTED, CaseStatus.VERIFYING, CaseStatus.VERIFIED), path);

        // Every question is in the audit trail, and the platform was asked exactly those.
        String childId = Families.childId(family);
        List<AuditEntry> lines = audit.about(NationalId.of(childId)).stream()
                .filter(a -> a.action() == AuditAction.GOVERNMENT_DATA_QUERY)
                .toList();
        long childQuestions = result.evidence().stream()
                .filter(e -> e.subjectIdNumber().equals(childId))
                .count();
        assertEquals(childQuestions, lines.size(), lines::toString);
        assertTrue(lines.stream().allMatch(a -> a.purpose().contains(c.caseNumber())));
        List<JsonObject> asked = simulator.queriesAbout(childId);
        assertEquals(childQuestions, asked.size(), asked::toString);
        assertTrue(asked.stream().allMatch(q -> q.getString("purpose").equals(c.caseNumber())));
    }

    @Test
    void eachDefectOfTheGeneratorEndsWithItsReasonAndNextStep() {
        Map<String, JsonObject> chosen = new LinkedHashMap<>();
        chosen.put("MISSING_HUKOU_RECORD", onlyDefect("MISSING_HUKOU_RECORD", true, null));
        chosen.put("MISSING_BIRTH_CERTIFICATE", onlyDefect("MISSING_BIRTH_CERTIFICATE", true, null));
        chosen.put("EXPIRED_RESIDENCE_PERMIT", onlyDefect("EXPIRED_RESIDENCE_PERMIT", false, "MIGRANT"));
        chosen.put("SOCIAL_INSURANCE_GAP", onlyDefect("SOCIAL_INSURANCE_GAP", false, "MIGRANT"));
        chosen.put("PROPERTY_OUTSIDE_ZONES", onlyDefect("PROPERTY_OUTSIDE_ZONES", null, null));
        chosen.put("PROPERTY_OUTSIDE_COUNTY", onlyDefect("PROPERTY_OUTSIDE_COUNTY", null, null));
        chosen.put("RARE_CHARACTER_NAME", onlyDefect("RARE_CHARACTER_NAME", true, null));
        Map<String, String> numbers = new LinkedHashMap<>();
        chosen.forEach((kind, family) ->
                numbers.put(kind, submit(family, declare(family), true).caseNumber()));

        Map<String, VerificationResult> results = new LinkedHashMap<>();
        numbers.forEach((kind, number) -> {
            settled(number);
            results.put(kind, verifications.latest(number).orElseThrow());
        });

        VerificationResult hukou = results.get("MISSING_HUKOU_RECORD");
        assertEquals(CaseStatus.NEEDS_OFFLINE_CHECK, status(numbers.get("MISSING_HUKOU_RECORD")));
        assertTrue(
                hukou.offlineChecks().stream()
                        .anyMatch(o -> o.source() == GovernmentSource.HUKOU
                                && o.proof() == Proof.HUKOU_BOOKLET
                                && o.reason().key().equals("verification.reason.no-record")),
                hukou.offlineChecks()::toString);

        VerificationResult birth = results.get("MISSING_BIRTH_CERTIFICATE");
        assertEquals(CaseStatus.NEEDS_OFFLINE_CHECK, status(numbers.get("MISSING_BIRTH_CERTIFICATE")));
        assertTrue(
                birth.offlineChecks().stream()
                        .anyMatch(o -> o.source() == GovernmentSource.BIRTH_CERTIFICATE
                                && o.proof() == Proof.BIRTH_CERTIFICATE),
                birth.offlineChecks()::toString);

        String permitHolder = subject(chosen.get("EXPIRED_RESIDENCE_PERMIT"), "EXPIRED_RESIDENCE_PERMIT");
        assertTrue(
                evidence(results.get("EXPIRED_RESIDENCE_PERMIT"), GovernmentSource.RESIDENCE_PERMIT, permitHolder)
                        .noted("verification.finding.permit-expired"),
                "the expired permit is noted");

        String insured = subject(chosen.get("SOCIAL_INSURANCE_GAP"), "SOCIAL_INSURANCE_GAP");
        assertTrue(
                evidence(results.get("SOCIAL_INSURANCE_GAP"), GovernmentSource.SOCIAL_INSURANCE, insured)
                        .noted("verification.finding.insurance-short"),
                "the missing months are noted");

        for (String kind : List.of("PROPERTY_OUTSIDE_ZONES", "PROPERTY_OUTSIDE_COUNTY")) {
            VerificationResult r = results.get(kind);
            assertNotEquals(FamilyCategory.HOUSE_AND_HUKOU, r.category().category(), kind);
            assertNotEquals(FamilyCategory.HOUSE_ONLY, r.category().category(), kind);
            String key = kind.equals("PROPERTY_OUTSIDE_ZONES")
                    ? "verification.finding.outside-zones"
                    : "verification.finding.outside-county";
            assertTrue(r.category().says(key), () -> kind + ": " + r.category());
        }

        // A rare character in a name is still the same name: the records match.
        VerificationResult rare = results.get("RARE_CHARACTER_NAME");
        String rareSubject = subject(chosen.get("RARE_CHARACTER_NAME"), "RARE_CHARACTER_NAME");
        assertTrue(
                rare.evidence().stream()
                        .filter(e -> e.subjectIdNumber().equals(rareSubject))
                        .noneMatch(e -> e.outcome() == CheckOutcome.MISMATCH),
                rare.evidence()::toString);

        // Every case that needs a check says why and what to do, in Chinese.
        results.forEach((kind, r) -> {
            for (OfflineCheck o : r.offlineChecks()) {
                String action = o.action().render(null);
                assertFalse(action.contains("verification."), () -> kind + ": " + action);
            }
        });
    }

    @Test
    void aSourceThatIsDownSlowOrGarbledEndsAsNeedsOfflineCheckForThatSourceOnly() {
        List<JsonObject> clean = Families.where(
                "without defects, house and hukou, applying for primary",
                f -> Families.clean(f)
                        && Families.scenario(f).equals("HOUSE_AND_HUKOU")
                        && Families.applies(f, Stage.PRIMARY));
        Map<String, SourceFailure> faults = new LinkedHashMap<>();
        faults.put("{\"sources\": {\"hukou\": {\"errorRate\": 1}}}", SourceFailure.SERVER_ERROR);
        faults.put("{\"sources\": {\"hukou\": {\"medianMs\": 3000, \"sigma\": 0}}}", SourceFailure.TIMEOUT);
        faults.put("{\"sources\": {\"hukou\": {\"malformedRate\": 1}}}", SourceFailure.MALFORMED);
        int next = 1;
        for (Map.Entry<String, SourceFailure> fault : faults.entrySet()) {
            JsonObject family = clean.get(next++);
            simulator.reset();
            simulator.faults(fault.getKey());
            long started = System.nanoTime();
            EnrollmentCase c = settled(submit(family, declare(family), true).caseNumber());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(CaseStatus.NEEDS_OFFLINE_CHECK, c.status(), fault.getKey());
            VerificationResult r = latest(c);
            assertFalse(r.offlineChecks().isEmpty());
            for (OfflineCheck o : r.offlineChecks()) {
                assertEquals(GovernmentSource.HUKOU, o.source(), () -> fault.getKey() + ": " + r.offlineChecks());
                assertEquals("verification.action.recheck-or-upload", o.action().key());
            }
            for (Evidence e : r.evidence()) {
                if (e.source() == GovernmentSource.HUKOU) {
                    assertEquals(CheckOutcome.SOURCE_ERROR, e.outcome());
                    // Questions after the breaker opened are not sent at all.
                    assertTrue(
                            e.answer().failure() == fault.getValue()
                                    || e.answer().failure() == SourceFailure.CIRCUIT_OPEN,
                            () -> fault.getKey() + ": " + e.answer());
                } else {
                    assertNotEquals(CheckOutcome.SOURCE_ERROR, e.outcome(), () -> e.source() + " was not down");
                }
            }
            // Three attempts of at most 2 s each, with back-off, and the case's other sources at the same time.
            assertTrue(took.toSeconds() < 20, () -> "settled in " + took);
            assertTrue(
                    r.evidence().stream()
                            .anyMatch(e -> e.source() == GovernmentSource.HUKOU
                                    && e.answer().failure() == fault.getValue()),
                    () -> fault.getKey() + " seen: " + r.evidence());

            // 我要复查 once the source is back: the case is confirmed, both runs are kept.
            simulator.reset();
            await().atMost(SETTLES)
                    .until(() -> fanOut.guard(GovernmentSource.HUKOU).circuit() != SourceGuard.Circuit.OPEN);
            CaseVerification recheck = verifications.recheck(c.caseNumber());
            assertEquals(VerificationStatus.VERIFIED, recheck.status(), () -> latest(c)
                    .offlineChecks()
                    .toString());
            assertEquals(CaseVerification.Trigger.RECHECK, recheck.trigger());
            assertEquals(CaseStatus.VERIFIED, status(c.caseNumber()));
            assertTrue(verifications.history(c.caseNumber()).size() >= 2);
        }
    }

    @Test
    void withoutTheGuardiansAuthorisationNothingIsAsked() {
        JsonObject family = Families.where(
                        "without defects applying for primary",
                        f -> Families.clean(f)
                                && Families.applies(f, Stage.PRIMARY)
                                && Families.scenario(f).equals("MIGRANT"))
                .get(0);
        Declaration declaration = declare(family);
        EnrollmentCase c = submit(family, declaration, false);

        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> verifications.recheck(c.caseNumber()));
        assertTrue(refused.getMessage().contains("尚未取得监护人授权"), refused.getMessage());
        InvalidValueException refusedFirst = assertThrows(
                InvalidValueException.class,
                () -> verifications.verify(c.caseNumber(), CaseVerification.Trigger.SUBMISSION));
        assertTrue(refusedFirst.getMessage().contains("授权"), refusedFirst.getMessage());

        assertEquals(CaseStatus.SUBMITTED, status(c.caseNumber()));
        List<String> everyone = new ArrayList<>();
        everyone.add(declaration.child().idNumber());
        declaration.adults().forEach(a -> everyone.add(a.idNumber()));
        for (String id : everyone) {
            assertTrue(simulator.queriesAbout(id).isEmpty(), "nobody was asked about");
            assertTrue(audit.about(NationalId.of(id)).isEmpty(), "nothing to audit");
        }

        // Once a guardian authorises, the check runs by itself.
        cases.authorise(
                c.caseNumber(),
                ConsentGrant.forSources(declaration.guardians().get(0).idNumber(), PlanContext.ALL_SOURCES));
        EnrollmentCase checked = settled(c.caseNumber());
        assertNotEquals(CaseStatus.SUBMITTED, checked.status());
        assertFalse(simulator.queriesAbout(declaration.child().idNumber()).isEmpty());
    }

    @Test
    void anAuthorisationThatDoesNotCoverTheSourcesEndsTheCheckWithoutAskingAnything() {
        JsonObject family = Families.where(
                        "without defects, house without hukou, applying for primary",
                        f -> Families.clean(f)
                                && Families.scenario(f).equals("HOUSE_ONLY")
                                && Families.applies(f, Stage.PRIMARY))
                .get(0);
        Declaration declaration = declare(family);
        EnrollmentCase c = submit(family, declaration, false);
        cases.authorise(
                c.caseNumber(),
                ConsentGrant.forSources(
                        declaration.guardians().get(0).idNumber(), java.util.Set.of(GovernmentSource.HUKOU)));

        EnrollmentCase ended = settled(c.caseNumber());
        assertEquals(CaseStatus.NEEDS_OFFLINE_CHECK, ended.status());
        assertTrue(verifications.history(c.caseNumber()).isEmpty(), "no run: nothing was asked");
        assertTrue(simulator.queriesAbout(declaration.child().idNumber()).isEmpty());
        String note = cases.history(c.caseNumber())
                .get(cases.history(c.caseNumber()).size() - 1)
                .note();
        assertEquals("verification.abandoned.consent-scope", note);

        // Someone who knows the case number cannot authorise as a guardian the family did not name.
        InvalidValueException stranger = assertThrows(
                InvalidValueException.class,
                () -> cases.authorise(
                        c.caseNumber(), ConsentGrant.forSources(Families.childId(family), PlanContext.ALL_SOURCES)));
        assertTrue(stranger.getMessage().contains("监护人"), stranger.getMessage());
    }

    @Test
    void aChildHasOneActiveCasePerYearAndBadInputIsRefusedInChinese() {
        JsonObject family = Families.where(
                        "applying for junior", f -> Families.clean(f) && Families.applies(f, Stage.JUNIOR))
                .get(0);
        Declaration declaration = declare(family);
        EnrollmentCase first = submit(family, declaration, false);

        InvalidValueException again =
                assertThrows(InvalidValueException.class, () -> submit(family, declaration, false));
        assertTrue(again.getMessage().contains("已有一份有效申请"), again.getMessage());
        assertFalse(again.getMessage().contains(first.caseNumber()), "a refusal never tells a case number");
        assertEquals(
                first.caseNumber(),
                cases.activeCase(NationalId.of(declaration.child().idNumber()), year())
                        .orElseThrow());

        cases.withdraw(first.caseNumber(), "家长撤回");
        EnrollmentCase second = submit(family, declaration, false);
        assertNotEquals(first.caseNumber(), second.caseNumber());

        InvalidValueException unknown =
                assertThrows(InvalidValueException.class, () -> cases.require("620123-2027-X-999999"));
        assertTrue(unknown.getMessage().contains("没有找到办件"), unknown.getMessage());
        InvalidValueException malformed = assertThrows(InvalidValueException.class, () -> cases.require("ABC"));
        assertTrue(malformed.getMessage().contains("格式不正确"), malformed.getMessage());
    }

    private Declaration declare(JsonObject family) {
        Stage stage = Families.applies(family, Stage.PRIMARY) ? Stage.PRIMARY : Stage.JUNIOR;
        return Families.declare(family, plans.of(COUNTY, year(), stage));
    }

    private EnrollmentCase submit(JsonObject family, Declaration declaration, boolean authorised) {
        return cases.submit(
                declaration,
                PhoneNumber.of(Families.mobile(family)),
                Channel.ONLINE,
                authorised
                        ? ConsentGrant.forSources(declaration.guardians().get(0).idNumber(), PlanContext.ALL_SOURCES)
                        : null);
    }

    /** The case once its background check has finished. */
    private EnrollmentCase settled(String caseNumber) {
        return await().atMost(SETTLES)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> cases.require(caseNumber),
                        c -> c.status() == CaseStatus.VERIFIED || c.status() == CaseStatus.NEEDS_OFFLINE_CHECK);
    }

    private CaseStatus status(String caseNumber) {
        return cases.require(caseNumber).status();
    }

    private VerificationResult latest(EnrollmentCase c) {
        return verifications.latest(c.caseNumber()).orElseThrow();
    }

    /**
     * A family whose only defects are of {@code kind}; {@code ofChild}: the defect is about the applying child
     * ({@code true}), a guardian ({@code false}) or anyone ({@code null}); {@code scenario}, if not null, the
     * family's scenario.
     */
    private static JsonObject onlyDefect(String kind, Boolean ofChild, String scenario) {
        return Families.where(
                        "with only the defect " + kind,
                        f -> Families.applicant(f) != null
                                && (scenario == null || Families.scenario(f).equals(scenario))
                                && !f.getJsonArray("defects").isEmpty()
                                && f.getJsonArray("defects").stream().allMatch(d -> d.asJsonObject()
                                        .getString("kind")
                                        .equals(kind))
                                && (ofChild == null
                                        || (ofChild
                                                ? subject(f, kind).equals(Families.childId(f))
                                                : isGuardian(f, subject(f, kind)))))
                .get(0);
    }

    private static String subject(JsonObject family, String kind) {
        return family.getJsonArray("defects").stream()
                .map(d -> d.asJsonObject())
                .filter(d -> d.getString("kind").equals(kind))
                .findFirst()
                .orElseThrow()
                .getString("subjectIdNumber");
    }

    private static boolean isGuardian(JsonObject family, String idNumber) {
        return family.getJsonArray("adults").stream()
                .map(a -> a.asJsonObject())
                .anyMatch(a -> a.getBoolean("guardian")
                        && a.getJsonObject("person").getString("idNumber").equals(idNumber));
    }

    private static Evidence evidence(VerificationResult r, GovernmentSource source, String idNumber) {
        return r.evidence().stream()
                .filter(e -> e.source() == source && e.subjectIdNumber().equals(idNumber))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + source + " evidence about the subject: " + r.evidence()));
    }
}
