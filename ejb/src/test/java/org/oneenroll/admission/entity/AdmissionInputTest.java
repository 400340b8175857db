package org.oneenroll.admission.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.oneenroll.admission.Applicants.houseAndHukou;
import static org.oneenroll.admission.Applicants.migrant;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/** The published input file: its exact canonical form, reading it back, and what it refuses. */
class AdmissionInputTest {

    static final AdmissionPlan PLAN = AdmissionPlan.builder("620123-2026-PRIMARY-r1", Stage.PRIMARY)
            .categoryOrder(List.of(FamilyCategory.HOUSE_AND_HUKOU, FamilyCategory.MIGRANT))
            .reallocationHops(2)
            .school("XG01", SchoolOwnership.PUBLIC, 40)
            .school("DG01", SchoolOwnership.PUBLIC, 45)
            .school("MB01", SchoolOwnership.PRIVATE, 30)
            .zone("Z2", "XG01")
            .zone("Z1", "DG01", "XG01")
            .adjacent("Z2", "Z1")
            .build();

    final AdmissionInput cut = AdmissionInput.of(
            PLAN,
            List.of(
                    migrant("C-0002", 85, "Z2", "MB01", "DG01"),
                    houseAndHukou("C-0001", "Z1"),
                    new Applicant("C-0003", FamilyCategory.HOUSE_ONLY, 0, null, List.of())));

    @Test
    void theCanonicalTextSortsWhatIsASetAndKeepsWhatIsAnOrder() {
        assertEquals(
                """
                oneenroll-admission-input/1
                engine oneenroll-admission/1
                plan 620123-2026-PRIMARY-r1
                stage PRIMARY
                lottery-rule SINGLE_NUMBER_PER_CHILD
                category-order HOUSE_AND_HUKOU MIGRANT
                reallocation-hops 2
                schools 3
                school DG01 PUBLIC 45
                school MB01 PRIVATE 30
                school XG01 PUBLIC 40
                zones 2
                zone Z1 DG01 XG01
                zone Z2 XG01
                adjacencies 1
                adjacent Z1 Z2
                children 3
                child C-0001 HOUSE_AND_HUKOU 0 Z1
                child C-0002 MIGRANT 85 Z2 MB01 DG01
                child C-0003 HOUSE_ONLY 0 -
                end
                """,
                new String(cut.canonicalBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theCanonicalTextReadsBackToTheSameInput() {
        AdmissionInput read = AdmissionInput.parse(new ByteArrayInputStream(cut.canonicalBytes()));

        assertEquals(cut.sha256(), read.sha256());
        assertEquals(cut.applicants(), read.applicants());
        assertEquals(64, cut.sha256().length());
    }

    @Test
    void aChildListedTwiceIsRefused() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> AdmissionInput.of(
                        PLAN,
                        List.of(houseAndHukou("C-1", "Z1"), houseAndHukou("C-2", "Z1"), houseAndHukou("C-1", "Z2"))));

        assertEquals("儿童编号“C-1”出现了两次", e.getMessage());
    }

    @Test
    void aChoiceOutsideThePlanIsRefusedNamingTheChildAndSchool() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> AdmissionInput.of(PLAN, List.of(houseAndHukou("C-1", "Z1", "NOPE"))));

        assertEquals("儿童“C-1”填报的学校“NOPE”不在本招生计划中", e.getMessage());
    }

    @Test
    void anIdNumberIsNeverAReferenceBecauseReferencesArePublished() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> houseAndHukou("11010519491231002x", "Z1"));

        assertEquals("儿童编号不能使用身份证号（以“110105”开头的这个号码是身份证号）：摇号输入和结果都会公示，请使用报名编号", e.getMessage());
        assertEquals(
                "admission.code.child",
                assertThrows(InvalidValueException.class, () -> houseAndHukou("张 三", "Z1"))
                        .messageKey());
    }

    @Test
    void aLineThatDoesNotFitIsReportedWithItsNumber() {
        String text = new String(cut.canonicalBytes(), StandardCharsets.UTF_8)
                .replace("school DG01 PUBLIC 45", "school DG01 PUBLIC forty-five");

        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> AdmissionInput.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));

        assertEquals("公示文件第9行应为“school”记录，实际为：school DG01 PUBLIC forty-five", e.getMessage());
    }
}
