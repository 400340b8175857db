package org.oneenroll.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.entity.ApplicationForm;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.EligibilityThresholds;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.Relation;

class ApplicationChecksTest {

    static final RegionCode COUNTY = RegionCode.of("620123");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final LocalDate OPENS = LocalDate.of(2027, 7, 1);

    final ApplicationChecks cut = new ApplicationChecks(
            new ApplicationChecks.Context(COUNTY, Map.of("620123100", "城关镇"), 2027, TODAY, OPENS));

    static String id(String birth, String seq) {
        String first17 = "620123" + birth + seq;
        return first17 + NationalId.checkCharacter(first17);
    }

    static ApplicationForm complete() {
        ApplicationForm f = new ApplicationForm();
        f.setStage("PRIMARY");
        f.setType("LOCAL");
        f.setChildName("李小明");
        f.setChildId(id("20210305", "123"));
        f.setTownCode("620123100");
        f.setCommunity("东关社区");
        f.setCompound("兴隆小区");
        f.setGuardianName("李建国");
        f.setGuardianId(id("19880101", "011"));
        f.setGuardianRelation("FATHER");
        f.setGuardianPhone("13800138000");
        f.setContactName("王芳");
        f.setContactId(id("19900202", "022"));
        f.setContactRelation("MOTHER");
        f.setContactPhone("13900139000");
        f.setConsent(true);
        return f;
    }

    static PlanContext plan() {
        return new PlanContext(
                2027,
                Stage.PRIMARY,
                COUNTY,
                "榆中县",
                "甘肃省兰州市榆中县",
                Map.of("620123100", "城关镇"),
                List.of(),
                PlanContext.GANSU_SOURCES,
                EligibilityThresholds.GANSU);
    }

    @Test
    void aCompleteFormHasNoProblemsAndDeclaresBothParentsAsGuardians() {
        ApplicationForm f = complete();

        assertEquals(List.of(), cut.checkAll(f));
        Declaration d = cut.declaration(f, plan());

        assertEquals(ApplicationType.LOCAL, d.type());
        assertEquals(2, d.guardians().size());
        assertEquals(Relation.MOTHER, d.guardians().get(1).relation());
        assertEquals("620123100", d.home().townCode());
    }

    @Test
    void aWrongCheckDigitIsNamedWithTheRightOne() {
        ApplicationForm f = complete();
        String right = f.getChildId();
        char wrong = right.charAt(17) == '1' ? '2' : '1';
        f.setChildId(right.substring(0, 17) + wrong);

        List<ApplicationChecks.Problem> problems = cut.check(f, ApplicationChecks.Step.CHILD);

        assertEquals(1, problems.size());
        assertEquals("childId", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("校验位应为“" + right.charAt(17) + "”"), problems.toString());
    }

    @Test
    void aChildTooYoungForPrimaryIsRefusedButNotForJunior() {
        ApplicationForm f = complete();
        f.setChildId(id("20211001", "123"));

        List<ApplicationChecks.Problem> primary = cut.check(f, ApplicationChecks.Step.CHILD);
        f.setStage("JUNIOR");
        List<ApplicationChecks.Problem> junior = cut.check(f, ApplicationChecks.Step.CHILD);

        assertEquals("childId", primary.get(0).field());
        assertTrue(primary.get(0).message().contains("8月31日"), primary.toString());
        assertEquals(List.of(), junior);
    }

    @Test
    void malformedPhonesAndMissingFieldsAreNamedPerField() {
        ApplicationForm f = complete();
        f.setGuardianPhone("1380013800");
        f.setContactName(" ");
        f.setContactId(f.getGuardianId());

        List<ApplicationChecks.Problem> problems = cut.check(f, ApplicationChecks.Step.GUARDIAN);

        assertEquals(
                List.of("guardianPhone", "contactName", "contactId"),
                problems.stream().map(ApplicationChecks.Problem::field).toList());
        assertTrue(problems.get(0).message().contains("11位"), problems.toString());
    }

    @Test
    void aPermitExpiringBeforeTheWindowOpensIsRefusedForNonLocalFamilies() {
        ApplicationForm f = complete();
        f.setType("NON_LOCAL");
        f.setPermitIssueDate("2025-06-30");
        f.setPermitValidUntil("2027-06-30");
        f.setPermitAuthority("榆中县公安局");
        f.setPermitAddress("城关镇东关社区");

        List<ApplicationChecks.Problem> problems = cut.check(f, ApplicationChecks.Step.GUARDIAN);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("permitValidUntil", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("2027-07-01"), problems.toString());

        f.setPermitValidUntil("2028-06-30");
        assertEquals(List.of(), cut.check(f, ApplicationChecks.Step.GUARDIAN));
        assertEquals(1, cut.declaration(f, plan()).permits().size());
    }

    @Test
    void aTownOutsideTheCountyAndAMissingConsentStopTheSubmission() {
        ApplicationForm f = complete();
        f.setTownCode("620102001");
        f.setConsent(false);

        assertEquals(
                Set.of("townCode", "consent"),
                Set.copyOf(cut.checkAll(f).stream()
                        .map(ApplicationChecks.Problem::field)
                        .toList()));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> cut.declaration(f, plan()));
        assertEquals("townCode", e.field());
    }

    @Test
    void aStageOrFormThatIsNotOneIsRefusedLikeAMissingOne() {
        ApplicationForm f = complete();
        f.setStage("SENIOR");
        f.setType("LOCAL'--");

        assertEquals(
                List.of("stage", "type"),
                cut.check(f, ApplicationChecks.Step.KIND).stream()
                        .map(ApplicationChecks.Problem::field)
                        .toList());
    }

    @Test
    void theFormSurvivesItsStoredFormIncludingWhatIsStillWrong() {
        ApplicationForm f = complete();
        f.setChildId("62012320");
        f.setChoices(List.of("S-01", "S-02"));

        ApplicationForm back = ApplicationFormJson.read(ApplicationFormJson.write(f));

        assertEquals("62012320", back.getChildId());
        assertEquals(List.of("S-01", "S-02"), back.getChoices());
        assertEquals(f.getGuardianPhone(), back.getGuardianPhone());
        assertTrue(back.isConsent());
    }
}
