package org.oneenroll.verification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.verification.control.Fixtures.CHECK;
import static org.oneenroll.verification.control.Fixtures.CHILD_ID;
import static org.oneenroll.verification.control.Fixtures.FATHER;
import static org.oneenroll.verification.control.Fixtures.FULL;
import static org.oneenroll.verification.control.Fixtures.GRANDPA;
import static org.oneenroll.verification.control.Fixtures.HOME_LINE;
import static org.oneenroll.verification.control.Fixtures.key;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPermit;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.EligibilityThresholds;
import org.oneenroll.verification.entity.FieldMismatch;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.PreferentialClaim;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.VerificationResult;
import org.oneenroll.verification.entity.VerificationStatus;

/** The verification rules on hand-made records: what a reviewer and a parent see for each kind of case. */
class CaseVerifierTest {

    private final CaseVerifier cut = new CaseVerifier();
    private final Map<String, List<Map<String, Object>>> records = new HashMap<>();

    private void holds(GovernmentSource source, String id, Map<String, Object> record) {
        records.computeIfAbsent(key(source, id), k -> new ArrayList<>()).add(record);
    }

    private VerificationResult verify(Declaration d, GovernmentSource... down) {
        List<Question> questions = cut.questions(d);
        return cut.verify(d, questions, Fixtures.answers(questions, records, down), CHECK);
    }

    private void houseAndHukou() {
        holds(GovernmentSource.HUKOU, CHILD_ID, Fixtures.hukou("朱怡可", "620123", HOME_LINE, "朱国强", "女"));
        holds(GovernmentSource.BIRTH_CERTIFICATE, CHILD_ID, Fixtures.birth("朱怡可"));
        holds(GovernmentSource.REAL_ESTATE_TITLE, FATHER.idNumber(), Fixtures.title(FATHER, HOME_LINE, "620123"));
    }

    private static Set<GovernmentSource> sources(List<Question> questions) {
        return questions.stream()
                .map(Question::source)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(GovernmentSource.class)));
    }

    @Test
    void aLocalCaseAsksOnlyWhatTheLocalFormNeedsAndNeverTheMarriageRegister() {
        List<Question> questions = cut.questions(Fixtures.local(Fixtures.plan()));
        assertEquals(
                EnumSet.of(
                        GovernmentSource.HUKOU,
                        GovernmentSource.BIRTH_CERTIFICATE,
                        GovernmentSource.REAL_ESTATE_TITLE,
                        GovernmentSource.PURCHASE_CONTRACT,
                        GovernmentSource.RENTAL_REGISTRATION,
                        GovernmentSource.AFFORDABLE_HOUSING,
                        GovernmentSource.SOCIAL_INSURANCE),
                sources(questions));
        assertEquals(
                List.of(new Question(GovernmentSource.HUKOU, CHILD_ID)),
                questions.stream()
                        .filter(q -> q.source() == GovernmentSource.HUKOU)
                        .toList());
        assertEquals(
                2,
                questions.stream()
                        .filter(q -> q.source() == GovernmentSource.REAL_ESTATE_TITLE)
                        .count(),
                "a title may be in either parent's name");
    }

    @Test
    void aNonLocalCaseAsksThePermitAndTheLicencesOfTheGuardians() {
        Declaration d = Fixtures.nonLocal(Fixtures.plan(), null);
        Set<GovernmentSource> asked = sources(cut.questions(d));
        assertTrue(asked.containsAll(EnumSet.of(
                GovernmentSource.RESIDENCE_PERMIT,
                GovernmentSource.INDIVIDUAL_BUSINESS_LICENCE,
                GovernmentSource.ENTERPRISE_LICENCE)));
        assertFalse(asked.contains(GovernmentSource.MARRIAGE));
        assertFalse(asked.contains(GovernmentSource.AFFORDABLE_HOUSING));
    }

    @Test
    void aGansuPlanAsksOnlyItsFourSources() {
        Declaration d = Fixtures.nonLocal(Fixtures.plan(EligibilityThresholds.GANSU, PlanContext.GANSU_SOURCES), null);
        assertEquals(PlanContext.GANSU_SOURCES, sources(cut.questions(d)));
        Declaration local = Fixtures.local(Fixtures.plan(EligibilityThresholds.GANSU, PlanContext.GANSU_SOURCES));
        assertEquals(
                EnumSet.of(
                        GovernmentSource.HUKOU, GovernmentSource.REAL_ESTATE_TITLE, GovernmentSource.SOCIAL_INSURANCE),
                sources(cut.questions(local)));
    }

    @Test
    void hukouAndTitleAtTheSameUnitInAZoneIsHouseAndHukouWithTheReasonInWords() {
        houseAndHukou();
        VerificationResult r = verify(Fixtures.local(Fixtures.plan()));
        assertEquals(VerificationStatus.VERIFIED, r.status(), r.offlineChecks()::toString);
        assertEquals(FamilyCategory.HOUSE_AND_HUKOU, r.category().derived().orElseThrow());
        assertEquals(Fixtures.FIRST, r.category().zone());
        assertEquals(
                "户籍地址与不动产坐落均在城关第一小学学区（城关镇东关社区兴隆小区），权利人朱国强",
                r.category().reason().render(Locale.SIMPLIFIED_CHINESE));
        assertTrue(r.category().reason().render(Locale.ENGLISH).startsWith("Hukou address and property both in"));
        assertEquals(HOME_LINE, r.filled().propertyAddress().orElseThrow());
        assertEquals("朱国强", r.filled().householder().orElseThrow());
        assertEquals(
                LocalDate.of(2019, 5, 20), r.filled().propertyRegistrationDate().orElseThrow());
        assertEquals(
                CheckOutcome.MATCHED, r.evidence(GovernmentSource.HUKOU).get(0).outcome());
        assertTrue(r.evidence(GovernmentSource.HUKOU).get(0).fieldsUsed().contains("householderName"));
    }

    @Test
    void theLongerCompoundNameWins() {
        String line = FULL + "城关镇东关社区兴隆小区二期5号楼101室";
        holds(GovernmentSource.HUKOU, CHILD_ID, Fixtures.hukou("朱怡可", "620123", line, "朱国强", "女"));
        holds(GovernmentSource.BIRTH_CERTIFICATE, CHILD_ID, Fixtures.birth("朱怡可"));
        holds(GovernmentSource.REAL_ESTATE_TITLE, FATHER.idNumber(), Fixtures.title(FATHER, line, "620123"));
        VerificationResult r = verify(Fixtures.local(Fixtures.plan()));
        assertTrue(r.category().reason().render(Locale.SIMPLIFIED_CHINESE).contains("兴隆小区二期"));
    }

    @Test
    void aNameIsComparedByCodePointsAfterNfc() {
        houseAndHukou();
        records.clear();
        // U+F92C is a CJK compatibility ideograph whose canonical (NFC) form is U+90CE (郎): the same character.
        holds(GovernmentSource.HUKOU, CHILD_ID, Fixtures.hukou("朱\u90CE", "620123", HOME_LINE, "朱国强", "女"));
        Declaration d = Fixtures.local(Fixtures.plan());
        Declaration compatibility = new Declaration(
                d.type(),
                new DeclaredPerson("朱\uF92C", CHILD_ID, d.child().relation()),
                d.guardians(),
                d.householdMembers(),
                d.home(),
                d.permits(),
                null,
                d.claim(),
                d.plan());
        assertEquals(
                CheckOutcome.MATCHED,
                verify(compatibility).evidence(GovernmentSource.HUKOU).get(0).outcome());

        records.clear();
        holds(GovernmentSource.HUKOU, CHILD_ID, Fixtures.hukou("朱𠇔可", "620123", HOME_LINE, "朱国强", "女"));
        Declaration bmpLookalike = new Declaration(
                d.type(),
                new DeclaredPerson("朱佁可", CHILD_ID, d.child().relation()),
                d.guardians(),
                d.householdMembers(),
                d.home(),
                d.permits(),
                null,
                d.claim(),
                d.plan());
        VerificationResult r = verify(bmpLookalike);
        assertEquals(
                List.of(new FieldMismatch("name", "朱佁可", "朱𠇔可")),
                r.evidence(GovernmentSource.HUKOU).get(0).mismatches());
        OfflineCheck check = r.offlineChecks().get(0);
        assertEquals("户籍信息中的姓名与填写不一致：填写“朱佁可”，记录为“朱𠇔可”", check.reason().render(Locale.SIMPLIFIED_CHINESE));
        assertEquals(OfflineChecks.ACTION_CORRECT, check.action().key());
    }

    @Test
    void aTypedPermitDateThatDiffersFromTheRecordIsAMismatchOfThatField() {
        holds(
                GovernmentSource.RESIDENCE_PERMIT,
                FATHER.idNumber(),
                Fixtures.permit(FATHER, "2025-09-01", "2026-08-31", HOME_LINE));
        DeclaredPermit typed = new DeclaredPermit(
                FATHER.idNumber(), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 9, 30), "榆中县公安局", HOME_LINE);
        VerificationResult r = verify(Fixtures.nonLocal(Fixtures.plan(), typed));
        assertEquals(
                List.of(new FieldMismatch("validUntil", "2026-09-30", "2026-08-31")),
                r.evidence(GovernmentSource.RESIDENCE_PERMIT).get(0).mismatches());
    }

    private void migrant(String permitIssue) {
        String line = FULL + "城关镇西关社区金城花园2号楼301室";
        holds(GovernmentSource.HUKOU, CHILD_ID, Fixtures.hukou("朱怡可", "510106", "四川省成都市金牛区茶店子街道1号", "朱国强", "女"));
        holds(GovernmentSource.BIRTH_CERTIFICATE, CHILD_ID, Fixtures.birth("朱怡可"));
        holds(
                GovernmentSource.RESIDENCE_PERMIT,
                FATHER.idNumber(),
                Fixtures.permit(
                        FATHER,
                        permitIssue,
                        LocalDate.parse(permitIssue).plusYears(1).toString(),
                        line));
        holds(
                GovernmentSource.RENTAL_REGISTRATION,
                FATHER.idNumber(),
                Fixtures.rental(FATHER, line, "2025-03-01", "2027-02-28"));
        holds(GovernmentSource.SOCIAL_INSURANCE, FATHER.idNumber(), Fixtures.insurance(FATHER, "2024-01", "2026-05"));
    }

    @Test
    void aMigrantWithPermitLeaseAndInsuranceIsConfirmed() {
        migrant("2026-04-10");
        VerificationResult r = verify(Fixtures.nonLocal(Fixtures.plan(), null));
        assertEquals(VerificationStatus.VERIFIED, r.status(), r.offlineChecks()::toString);
        assertEquals(FamilyCategory.MIGRANT, r.category().derived().orElseThrow());
        assertEquals(
                Set.of(
                        GovernmentSource.HUKOU,
                        GovernmentSource.RESIDENCE_PERMIT,
                        GovernmentSource.RENTAL_REGISTRATION,
                        GovernmentSource.SOCIAL_INSURANCE),
                r.category().basis());
        assertEquals(24, r.filled().monthsPaidLast24().orElseThrow());
        assertEquals(Boolean.TRUE, r.filled().permitValid().orElseThrow());
        assertTrue(r.category().reason().render(Locale.SIMPLIFIED_CHINESE).contains("社会保险近两年缴纳24个月"));
    }

    @Test
    void underTheSeed001RuleAPermitMustBeHeldSixMonthsBy31August() {
        migrant("2026-03-01");
        PlanContext jining = Fixtures.plan(EligibilityThresholds.JINING, PlanContext.ALL_SOURCES);
        VerificationResult late = verify(Fixtures.nonLocal(jining, null));
        assertTrue(late.category().derived().isEmpty());
        OfflineCheck check = late.offlineChecks().get(0);
        assertEquals(Proof.RESIDENCE_PERMIT, check.proof());
        assertEquals("朱国强的居住证签发于2026-03-01，至2026-08-31连续持有不满6个月", check.reason().render(Locale.SIMPLIFIED_CHINESE));

        records.clear();
        migrant("2026-02-28");
        assertEquals(
                FamilyCategory.MIGRANT,
                verify(Fixtures.nonLocal(jining, null)).category().derived().orElseThrow(),
                "28 February plus six months is 28 August");
    }

    @Test
    void anInsuranceGapIsCountedShortAndNamesTheProof() {
        migrant("2026-01-10");
        records.remove(key(GovernmentSource.SOCIAL_INSURANCE, FATHER.idNumber()));
        holds(
                GovernmentSource.SOCIAL_INSURANCE,
                FATHER.idNumber(),
                Fixtures.insurance(FATHER, "2023-01", "2026-05", "2025-02", "2025-03", "2025-04"));
        VerificationResult r = verify(Fixtures.nonLocal(Fixtures.plan(), null));
        assertTrue(r.category().derived().isEmpty());
        OfflineCheck check = r.offlineChecks().stream()
                .filter(o -> o.source() == GovernmentSource.SOCIAL_INSURANCE)
                .findFirst()
                .orElseThrow();
        assertEquals("朱国强近两年社会保险应缴24个月，实缴21个月，断缴3个月", check.reason().render(Locale.SIMPLIFIED_CHINESE));
        assertEquals("请上传社会保险参保缴费证明，或携带原件到招生服务点现场核验", check.action().render(Locale.SIMPLIFIED_CHINESE));
        assertEquals(21, r.filled().monthsPaidLast24().orElseThrow());
    }

    @Test
    void anOutageAsksForARecheckOrTheProofOfThatSourceOnly() {
        migrant("2026-01-10");
        VerificationResult r = verify(Fixtures.nonLocal(Fixtures.plan(), null), GovernmentSource.SOCIAL_INSURANCE);
        assertEquals(VerificationStatus.NEEDS_OFFLINE_CHECK, r.status());
        assertEquals(1, r.offlineChecks().size(), r.offlineChecks()::toString);
        OfflineCheck check = r.offlineChecks().get(0);
        assertEquals(GovernmentSource.SOCIAL_INSURANCE, check.source());
        assertEquals("请稍后点击“我要复查”重新查询，或上传社会保险参保缴费证明", check.action().render(Locale.SIMPLIFIED_CHINESE));
        assertEquals(
                CheckOutcome.SOURCE_ERROR,
                r.evidence(GovernmentSource.SOCIAL_INSURANCE).get(0).outcome());
    }

    @Test
    void aContractOnlyHomeCannotBeConfirmedWhereThePlatformHasNoContractsAndAsksForTheProof() {
        holds(GovernmentSource.HUKOU, CHILD_ID, Fixtures.hukou("朱怡可", "620123", HOME_LINE, "朱国强", "女"));
        PlanContext gansu = Fixtures.plan(EligibilityThresholds.GANSU, PlanContext.GANSU_SOURCES);
        VerificationResult r = verify(Fixtures.local(gansu));
        assertTrue(r.category().derived().isEmpty());
        assertTrue(
                r.offlineChecks().stream()
                        .anyMatch(o -> o.source() == GovernmentSource.PURCHASE_CONTRACT
                                && o.reason().key().equals(OfflineChecks.REASON_NOT_SHARED)
                                && o.action().key().equals(OfflineChecks.ACTION_UPLOAD)),
                r.offlineChecks()::toString);
    }

    @Test
    void livingAtAGrandparentsHomeIsHukouOnlyWithARelative() {
        holds(GovernmentSource.HUKOU, CHILD_ID, Fixtures.hukou("朱怡可", "620123", HOME_LINE, "朱建国", "孙女"));
        holds(GovernmentSource.BIRTH_CERTIFICATE, CHILD_ID, Fixtures.birth("朱怡可"));
        holds(GovernmentSource.REAL_ESTATE_TITLE, GRANDPA.idNumber(), Fixtures.title(GRANDPA, HOME_LINE, "620123"));
        Declaration d = Fixtures.local(Fixtures.plan());
        Declaration withGrandpa = new Declaration(
                d.type(), d.child(), d.guardians(), List.of(GRANDPA), d.home(), d.permits(), null, d.claim(), d.plan());
        VerificationResult r = verify(withGrandpa);
        assertEquals(FamilyCategory.HUKOU_ONLY_RELATIVE, r.category().derived().orElseThrow());
        assertEquals(
                "户籍在城关第一小学学区（城关镇东关社区兴隆小区），与祖父朱建国共同居住，住房登记在其名下",
                r.category().reason().render(Locale.SIMPLIFIED_CHINESE));

        VerificationResult undeclared = verify(d);
        assertTrue(undeclared.category().derived().isEmpty(), "the grandparent's title is found only when declared");
        assertTrue(undeclared.offlineChecks().stream().anyMatch(o -> o.proof() == Proof.HOUSING_PROOF));
    }

    @Test
    void aPropertyInAnUnzonedCompoundSaysWhereAndSendsTheFamilyToTheCounter() {
        String unzoned = FULL + "城关镇东关社区城关新区一期3号楼101室";
        holds(GovernmentSource.HUKOU, CHILD_ID, Fixtures.hukou("朱怡可", "620123", unzoned, "朱国强", "女"));
        holds(GovernmentSource.BIRTH_CERTIFICATE, CHILD_ID, Fixtures.birth("朱怡可"));
        holds(GovernmentSource.REAL_ESTATE_TITLE, FATHER.idNumber(), Fixtures.title(FATHER, unzoned, "620123"));
        VerificationResult r = verify(Fixtures.local(Fixtures.plan()));
        assertTrue(r.category().derived().isEmpty());
        assertTrue(
                r.category().notes().stream()
                        .map(n -> n.render(Locale.SIMPLIFIED_CHINESE))
                        .anyMatch(s -> s.equals("不动产坐落“" + unzoned + "”在本县，但未划入任何招生片区")),
                r.category().notes()::toString);
        assertTrue(r.offlineChecks().stream().allMatch(o -> o.action().key().equals(OfflineChecks.ACTION_COUNTER)));
    }

    @Test
    void aPreferentialClaimAlwaysWaitsForItsProofAndKeepsTheCategoryTheRecordsGive() {
        houseAndHukou();
        Declaration d = Fixtures.local(Fixtures.plan());
        Declaration talent = new Declaration(
                d.type(),
                d.child(),
                d.guardians(),
                d.householdMembers(),
                d.home(),
                d.permits(),
                null,
                PreferentialClaim.HIGH_LEVEL_TALENT,
                d.plan());
        VerificationResult r = verify(talent);
        assertEquals(FamilyCategory.PREFERENTIAL, r.category().derived().orElseThrow());
        assertFalse(r.category().confirmed());
        assertEquals(
                List.of(Proof.PREFERENTIAL_PROOF),
                r.offlineChecks().stream().map(OfflineCheck::proof).toList());
        assertTrue(r.category().notes().stream()
                .anyMatch(n -> n.render(Locale.SIMPLIFIED_CHINESE).equals("优待资格未获认定时，按核验数据为房户一致")));
    }

    @Test
    void aTypedCertificateNumberThatNoTitleCarriesIsAMismatch() {
        houseAndHukou();
        Declaration d = Fixtures.local(Fixtures.plan());
        Declaration typed = new Declaration(
                d.type(),
                d.child(),
                d.guardians(),
                d.householdMembers(),
                d.home(),
                d.permits(),
                "甘(2019)榆中县不动产权第0009999号",
                d.claim(),
                d.plan());
        VerificationResult r = verify(typed);
        assertEquals(
                CheckOutcome.MISMATCH,
                r.evidence(GovernmentSource.REAL_ESTATE_TITLE).get(0).outcome());
        assertEquals(
                "certificateNumber",
                r.evidence(GovernmentSource.REAL_ESTATE_TITLE)
                        .get(0)
                        .mismatches()
                        .get(0)
                        .field());
    }
}
