package org.oneenroll.verification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.verification.control.Fixtures.CHECK;
import static org.oneenroll.verification.control.Fixtures.CHILD_ID;
import static org.oneenroll.verification.control.Fixtures.FATHER;
import static org.oneenroll.verification.control.Fixtures.HOME_LINE;
import static org.oneenroll.verification.control.Fixtures.key;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.simulator.population.Child;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.JsonLineWriter;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.CategoryFinding;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPermit;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.EligibilityThresholds;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.FieldMismatch;
import org.oneenroll.verification.entity.FilledField;
import org.oneenroll.verification.entity.FilledFields;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.MessageRef;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.PreferentialClaim;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.Relation;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;
import org.oneenroll.verification.entity.SourceOutcome;
import org.oneenroll.verification.entity.VerificationResult;
import org.oneenroll.verification.entity.VerificationStatus;
import org.oneenroll.verification.entity.ZoneUnits;

/**
 * A case's declaration and result, stored as JSON and read back, are what was verified: checked over every kind
 * of result the rules give for a few hundred generated families, with answers as they arrive over HTTP.
 */
class VerificationJsonTest {

    static final int FAMILIES = 300;
    static final Instant ASKED = Instant.parse("2026-06-01T08:15:30.123456789Z");

    private final CaseVerifier verifier = new CaseVerifier();

    /** What the stored texts came to over the generated cases, for the coverage assertions. */
    private static final class Seen {
        final Set<CheckOutcome> outcomes = EnumSet.noneOf(CheckOutcome.class);
        final Set<VerificationStatus> statuses = EnumSet.noneOf(VerificationStatus.class);
        final Set<String> categories = new HashSet<>();
        final Set<SourceFailure> failures = EnumSet.noneOf(SourceFailure.class);
        final Set<PreferentialClaim> claims = EnumSet.noneOf(PreferentialClaim.class);
        final Set<FilledField> filled = EnumSet.noneOf(FilledField.class);
        int zones;
        int unconfirmed;
        int checksWithoutSource;
        int nonLocalWithPermits;
        int cases;
        long declarationChars;
        long resultChars;

        void add(Declaration d, VerificationResult r, String declarationJson, String resultJson) {
            cases++;
            declarationChars += declarationJson.length();
            resultChars += resultJson.length();
            r.evidence().forEach(e -> {
                outcomes.add(e.outcome());
                if (e.answer().failure() != null) {
                    failures.add(e.answer().failure());
                }
            });
            statuses.add(r.status());
            categories.add(r.category().derived().map(Enum::name).orElse("NONE"));
            claims.add(d.claim());
            filled.addAll(r.filled().values().keySet());
            zones += r.category().zone() == null ? 0 : 1;
            unconfirmed += r.category().category() != null && !r.category().confirmed() ? 1 : 0;
            checksWithoutSource += (int)
                    r.offlineChecks().stream().filter(c -> c.source() == null).count();
            nonLocalWithPermits +=
                    d.type() == ApplicationType.NON_LOCAL && !d.permits().isEmpty() ? 1 : 0;
        }

        @Override
        public String toString() {
            return "cases " + cases + ", outcomes " + outcomes + ", statuses " + statuses + ", categories " + categories
                    + ", failures " + failures + ", claims " + claims + ", fields filled " + filled.size()
                    + ", zones " + zones + ", unconfirmed " + unconfirmed + ", checks without a source "
                    + checksWithoutSource + ", non-local with permits " + nonLocalWithPermits;
        }
    }

    @Test
    void everyKindOfGeneratedCaseReadsBackAsItWasVerified() {
        SimulatedFamilies sim = new SimulatedFamilies(2027, FAMILIES, DefectRates.defaults());
        Map<Stage, PlanContext> gansu = new EnumMap<>(Stage.class);
        Map<Stage, PlanContext> jining = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            gansu.put(stage, sim.plan(stage, EligibilityThresholds.GANSU, PlanContext.ALL_SOURCES));
            jining.put(stage, sim.plan(stage, EligibilityThresholds.JINING, PlanContext.GANSU_SOURCES));
        }
        Seen seen = new Seen();
        int[] n = {0};
        sim.generator.families(FAMILIES).forEach(f -> {
            for (Child child : f.applicants()) {
                int i = n[0]++;
                Stage stage = Stage.valueOf(child.role().stage().name());
                PlanContext plan = i % 3 == 2 ? jining.get(stage) : gansu.get(stage);
                Declaration d = SimulatedFamilies.declare(f, child, plan);
                if (i % 7 == 3) {
                    d = withChildNamed(d, d.child().name() + "华");
                }
                List<Question> questions = SourcePlan.questions(d);
                List<SourceAnswer> answers = new ArrayList<>();
                List<SourceAnswer> found = sim.answers(questions);
                for (int q = 0; q < found.size(); q++) {
                    answers.add(overTheWire(found.get(q), i * 31 + q));
                }
                if (i % 4 == 1) {
                    answers = withSourceDown(
                            answers, questions.get(i % questions.size()).source(), i);
                }
                VerificationResult r = verifier.verify(d, questions, answers, sim.checkDate());

                String declarationJson = VerificationJson.declaration(d);
                String resultJson = VerificationJson.result(r);
                Declaration dBack = VerificationJson.declaration(declarationJson, plan);
                VerificationResult rBack = VerificationJson.result(resultJson, plan);
                long family = f.index();
                assertEquals(d, dBack, () -> "declaration of family " + family + ": " + declarationJson);
                assertEquals(r, rBack, () -> "result of family " + family + ": " + resultJson);
                assertEquals(resultJson, VerificationJson.result(rBack), "the same result is the same text");
                seen.add(d, r, declarationJson, resultJson);
            }
        });
        System.out.println("verification JSON round trips: " + seen + "; mean characters: declaration "
                + seen.declarationChars / seen.cases + ", result " + seen.resultChars / seen.cases);
        assertTrue(seen.cases >= FAMILIES, seen::toString);
        assertEquals(EnumSet.allOf(CheckOutcome.class), seen.outcomes, seen::toString);
        assertEquals(EnumSet.allOf(VerificationStatus.class), seen.statuses, seen::toString);
        assertEquals(EnumSet.allOf(SourceFailure.class), seen.failures, seen::toString);
        assertEquals(EnumSet.allOf(PreferentialClaim.class), seen.claims, seen::toString);
        assertTrue(seen.categories.contains("NONE"), seen::toString);
        for (FamilyCategory c : FamilyCategory.values()) {
            assertTrue(seen.categories.contains(c.name()), seen::toString);
        }
        assertTrue(
                seen.zones > 0 && seen.unconfirmed > 0 && seen.checksWithoutSource > 0 && seen.nonLocalWithPermits > 0,
                seen::toString);
    }

    @Test
    void aHandMadeCaseWithASourceDownReadsBackWithItsZoneFromThePlan() {
        Map<String, List<Map<String, Object>>> records = new HashMap<>();
        records.put(
                key(GovernmentSource.HUKOU, CHILD_ID),
                List.of(wire(Fixtures.hukou("朱怡可", "620123", HOME_LINE, "朱国强", "女"))));
        records.put(key(GovernmentSource.BIRTH_CERTIFICATE, CHILD_ID), List.of(wire(Fixtures.birth("朱怡可"))));
        records.put(
                key(GovernmentSource.REAL_ESTATE_TITLE, FATHER.idNumber()),
                List.of(wire(Fixtures.title(FATHER, HOME_LINE, "620123"))));
        PlanContext plan = Fixtures.plan();
        Declaration d = Fixtures.local(plan);
        List<Question> questions = verifier.questions(d);
        VerificationResult verified = verifier.verify(d, questions, Fixtures.answers(questions, records), CHECK);
        VerificationResult waiting = verifier.verify(
                d, questions, Fixtures.answers(questions, records, GovernmentSource.SOCIAL_INSURANCE), CHECK);
        assertEquals(VerificationStatus.VERIFIED, verified.status(), verified.offlineChecks()::toString);
        assertEquals(Fixtures.FIRST, verified.category().zone());

        for (VerificationResult r : List.of(verified, waiting)) {
            assertEquals(r, VerificationJson.result(VerificationJson.result(r), plan));
        }
        assertSame(
                plan.zones().get(0),
                VerificationJson.result(VerificationJson.result(verified), plan)
                        .category()
                        .zone(),
                "the plan's zone, with its units");

        PlanContext redrawn = new PlanContext(
                plan.planYear(),
                plan.stage(),
                plan.county(),
                plan.countyName(),
                plan.countyFullName(),
                plan.townNames(),
                List.of(),
                plan.sharedSources(),
                plan.thresholds());
        CategoryFinding finding = VerificationJson.result(VerificationJson.result(verified), redrawn)
                .category();
        assertEquals(new ZoneUnits(Fixtures.FIRST.code(), Fixtures.FIRST.name(), Set.of()), finding.zone());
    }

    @Test
    void emptyDeclaredFieldsStayEmpty() {
        PlanContext plan = Fixtures.plan();
        Address village = Address.of(Fixtures.COUNTY, Fixtures.VILLAGE_TOWN, "杨家沟村", null, null, null);
        Declaration d = new Declaration(
                ApplicationType.NON_LOCAL,
                Fixtures.CHILD,
                List.of(Fixtures.MOTHER),
                List.of(Fixtures.GRANDPA, FATHER),
                village,
                List.of(
                        new DeclaredPermit(Fixtures.MOTHER_ID, null, null, null, null),
                        new DeclaredPermit(
                                FATHER.idNumber(),
                                LocalDate.of(2025, 3, 1),
                                LocalDate.of(2030, 2, 28),
                                "榆中县公安局",
                                "城关镇东关社区\"兴隆\"小区\\3号楼")),
                "甘(2019)榆中县不动产权第0001234号",
                PreferentialClaim.OTHER,
                plan);

        Declaration back = VerificationJson.declaration(VerificationJson.declaration(d), plan);

        assertEquals(d, back);
        assertNull(back.home().compound());
        assertNull(back.home().building());
        assertNull(back.home().detail());
        assertNull(back.permits().get(0).issueDate());
        assertNull(back.permits().get(0).registeredAddress());
        Declaration bare = Fixtures.nonLocal(plan, null);
        assertEquals(bare, VerificationJson.declaration(VerificationJson.declaration(bare), plan));
        assertNull(VerificationJson.declaration(VerificationJson.declaration(bare), plan)
                .certificateNumber());
    }

    @Test
    void recordsKeepNestedValuesNullsAndTheirJavaTypesInTheirOrder() {
        String platformSent = "{\"zeta\":\"甲\",\"count\":12,\"share\":0.50,\"big\":1E+3,\"none\":null,"
                + "\"valid\":false,\"coOwners\":[{\"name\":\"李芳\",\"share\":0.5,\"idNumber\":null}],"
                + "\"months\":[\"2026-01\",null,3,[],{}],\"alpha\":-9007199254740993}";
        Map<String, Object> record = wire(platformSent);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("b", null);
        second.put("a", new ArrayList<>(Arrays.asList(1L, null, new BigDecimal("2.25"))));
        SourceAnswer answer = new SourceAnswer(
                GovernmentSource.REAL_ESTATE_TITLE,
                SourceOutcome.FOUND,
                null,
                List.of(record, second),
                Long.MAX_VALUE,
                null,
                ASKED,
                Duration.ofSeconds(1, 7),
                3,
                null);
        MessageRef note = MessageRef.of(
                "verification.test", "甲", 5, 5L, new BigDecimal("1.50"), 2.5, MessageRef.of("verification.inner", 7));
        Map<FilledField, Object> filled = new EnumMap<>(FilledField.class);
        filled.put(FilledField.SEX, "女");
        filled.put(FilledField.BIRTH_DATE, LocalDate.of(2019, 10, 22));
        filled.put(FilledField.PERMIT_VALID, Boolean.FALSE);
        filled.put(FilledField.INSURANCE_END_MONTH, YearMonth.of(2026, 5));
        filled.put(FilledField.MONTHS_PAID_LAST_24, 23);
        VerificationResult r = new VerificationResult(
                VerificationStatus.NEEDS_OFFLINE_CHECK,
                List.of(
                        new Evidence(
                                GovernmentSource.REAL_ESTATE_TITLE,
                                FATHER.idNumber(),
                                Relation.FATHER,
                                CheckOutcome.MISMATCH,
                                List.of(new FieldMismatch("holderName", "朱国强", null)),
                                List.of("holderName", "location"),
                                List.of(note),
                                answer),
                        new Evidence(
                                GovernmentSource.SOCIAL_INSURANCE,
                                null,
                                null,
                                CheckOutcome.SOURCE_ERROR,
                                List.of(),
                                List.of(),
                                List.of(),
                                SourceAnswer.failed(
                                                GovernmentSource.SOCIAL_INSURANCE,
                                                SourceFailure.CIRCUIT_OPEN,
                                                null,
                                                ASKED,
                                                Duration.ZERO,
                                                null)
                                        .afterAttempts(2, ASKED.minusNanos(1), Duration.ofMillis(-1)))),
                new FilledFields(filled),
                new CategoryFinding(
                        FamilyCategory.HOUSE_ONLY,
                        false,
                        null,
                        Set.of(GovernmentSource.REAL_ESTATE_TITLE, GovernmentSource.HUKOU),
                        MessageRef.of("verification.reason"),
                        List.of(note)),
                List.of(new OfflineCheck(
                        null, Proof.HOUSING_PROOF, MessageRef.of("verification.none"), MessageRef.of("x", ""))));

        String json = VerificationJson.result(r);
        VerificationResult back = VerificationJson.result(json, Fixtures.plan());

        assertEquals(r, back, json);
        Map<String, Object> read = back.evidence().get(0).answer().records().get(0);
        assertEquals(record, read);
        assertEquals(
                List.of("zeta", "count", "share", "big", "none", "valid", "coOwners", "months", "alpha"),
                List.copyOf(read.keySet()));
        assertEquals(Long.class, read.get("count").getClass());
        assertEquals(new BigDecimal("0.50"), read.get("share"));
        assertEquals(new BigDecimal("1E+3"), read.get("big"));
        assertTrue(read.containsKey("none") && read.get("none") == null);
        assertEquals(
                LinkedHashMap.class, ((List<?>) read.get("coOwners")).get(0).getClass());
        assertEquals(
                List.of("b", "a"),
                List.copyOf(back.evidence().get(0).answer().records().get(1).keySet()));
        assertEquals(
                List.of(Integer.class, Long.class, BigDecimal.class, Double.class),
                back.evidence().get(0).findings().get(0).args().subList(1, 5).stream()
                        .map(Object::getClass)
                        .toList());
        assertEquals(Duration.ofSeconds(1, 7), back.evidence().get(0).answer().latency());
        assertNull(back.evidence().get(1).answer().requestId());
        assertNull(back.evidence().get(1).subjectIdNumber());
    }

    @Test
    void aTextOfAnotherFormatIsRefusedNamingTheFormat() {
        PlanContext plan = Fixtures.plan();
        String declaration = VerificationJson.declaration(Fixtures.local(plan));
        assertTrue(declaration.startsWith("{\"v\":1,"), declaration);

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VerificationJson.declaration(declaration.replace("{\"v\":1,", "{\"v\":2,"), plan));
        assertTrue(e.getMessage().contains("format 2") && e.getMessage().contains("format 1"), e.getMessage());
        IllegalArgumentException none = assertThrows(
                IllegalArgumentException.class,
                () -> VerificationJson.result(declaration.replace("{\"v\":1,", "{"), plan));
        assertTrue(none.getMessage().contains("format version"), none.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> VerificationJson.declaration(declaration.replace("{\"v\":1,", "{\"v\":\"1\","), plan));
    }

    @Test
    void malformedTextIsRefusedWithAnIllegalArgument() {
        PlanContext plan = Fixtures.plan();
        String declaration = VerificationJson.declaration(Fixtures.local(plan));
        Map<String, List<Map<String, Object>>> records = new HashMap<>();
        Declaration d = Fixtures.local(plan);
        List<Question> questions = verifier.questions(d);
        String result = VerificationJson.result(
                verifier.verify(d, questions, Fixtures.answers(questions, records, GovernmentSource.HUKOU), CHECK));

        List<String> badDeclarations = List.of(
                "",
                "not json",
                "[1]",
                "{\"v\":1}",
                declaration.substring(0, declaration.length() / 2),
                declaration + "x",
                declaration + declaration,
                declaration.replace("\"LOCAL\"", "\"FOREIGN\""),
                declaration.replace(Fixtures.CHILD_ID, "62012320191022"),
                declaration.replace("\"g\":[", "\"g\":[3,"),
                declaration.replace("\"620123\"", "\"999999\""),
                result);
        for (String text : badDeclarations) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> VerificationJson.declaration(text, plan), text);
            assertTrue(e.getMessage().startsWith("verification declaration")
                    || e.getMessage().startsWith("malformed"));
        }

        List<String> badResults = List.of(
                result.replace("\"SOURCE_ERROR\"", "\"BROKEN\""),
                result.replace("\"ok\":false", "\"ok\":\"no\""),
                result.replace("\"s\":\"NEEDS_OFFLINE_CHECK\"", "\"s\":\"VERIFIED\""),
                result.replace("\"o\":\"SOURCE_ERROR\"", "\"o\":\"MISMATCH\""),
                result.replace("\"n\":1", "\"n\":1.5"),
                result.replace("\"n\":1", "\"n\":99999999999"),
                result.replace("\"r\":[\"", "\"r\":[true,\""),
                result.replace("\"t\":\"1970-01-01T00:00:00Z\"", "\"t\":\"yesterday\""),
                result.replace("\"f\":{", "\"f\":{\"PHOTO\":1,"),
                result.replace("\"f\":{", "\"f\":{\"NICKNAME\":\"x\","),
                declaration);
        for (String text : badResults) {
            assertTrue(!text.equals(result) || text == declaration, "each case changes the text: " + text);
            assertThrows(IllegalArgumentException.class, () -> VerificationJson.result(text, plan), text);
        }
    }

    private static Declaration withChildNamed(Declaration d, String name) {
        return new Declaration(
                d.type(),
                new DeclaredPerson(name, d.child().idNumber(), Relation.CHILD),
                d.guardians(),
                d.householdMembers(),
                d.home(),
                d.permits(),
                d.certificateNumber(),
                d.claim(),
                d.plan());
    }

    /** The answer as it arrives over HTTP, with the time, latency, attempts and query id of a real call. */
    private static SourceAnswer overTheWire(SourceAnswer a, int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : a.records()) {
            rows.add(wire(new String(new JsonLineWriter().value(r).toByteArray(), StandardCharsets.UTF_8)));
        }
        return new SourceAnswer(
                a.source(),
                a.outcome(),
                a.failure(),
                rows,
                100_000L + n,
                "case-" + n,
                ASKED.plusMillis(n),
                Duration.ofNanos(80_000_000L + 1_237L * n),
                1 + n % 3,
                a.detail());
    }

    /** Every answer of {@code source} replaced by a failure, of a kind and wording that vary with {@code n}. */
    private static List<SourceAnswer> withSourceDown(List<SourceAnswer> answers, GovernmentSource source, int n) {
        SourceFailure[] kinds = SourceFailure.values();
        SourceFailure kind = kinds[(n / 4) % kinds.length];
        return answers.stream()
                .map(a -> a.source() != source
                        ? a
                        : n % 8 == 1
                                ? SourceAnswer.failed(source, kind, null, a.askedAt(), Duration.ofSeconds(2), null)
                                : SourceAnswer.failed(
                                                source, kind, a.requestId(), a.askedAt(), a.latency(), "HTTP 503 忙")
                                        .afterAttempts(
                                                3, a.askedAt(), a.latency().multipliedBy(3)))
                .toList();
    }

    /** A record as {@link HttpGovernmentData} reads it from the platform's JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> wire(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return (Map<String, Object>) HttpGovernmentData.plain(reader.readValue());
        }
    }

    private static Map<String, Object> wire(Map<String, Object> record) {
        return wire(new String(new JsonLineWriter().value(record).toByteArray(), StandardCharsets.UTF_8));
    }
}
