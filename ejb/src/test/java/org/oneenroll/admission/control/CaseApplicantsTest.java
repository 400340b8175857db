package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.control.CaseApplicants.ApprovedCase;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;

/** Approved cases become applicants of their choices and zone school; only migrant children are scored. */
class CaseApplicantsTest {

    List<String> scored = new ArrayList<>();
    CaseApplicants cut = new CaseApplicants(Set.of("620123-P-01", "620123-P-02"), number -> {
        scored.add(number);
        return 42;
    });

    @Test
    void categoryZoneAndPointsComeFromTheCase() {
        List<Applicant> applicants = cut.of(List.of(
                new ApprovedCase("620123-2026-P-000001", FamilyCategory.HOUSE_AND_HUKOU, "620123-P-01"),
                new ApprovedCase("620123-2026-P-000002", FamilyCategory.MIGRANT, "620123-P-02")));
        assertEquals(
                new Applicant("620123-2026-P-000001", FamilyCategory.HOUSE_AND_HUKOU, 0, "620123-P-01", List.of()),
                applicants.get(0));
        assertEquals(
                new Applicant("620123-2026-P-000002", FamilyCategory.MIGRANT, 42, "620123-P-02", List.of()),
                applicants.get(1));
        assertEquals(List.of("620123-2026-P-000002"), scored, "only the migrant child's records are read");
    }

    @Test
    void theFamilysChoicesComeFirstInTheirOrder() {
        Applicant a = cut.of(List.of(new ApprovedCase(
                        "620123-2026-P-000006",
                        FamilyCategory.HOUSE_AND_HUKOU,
                        "620123-P-01",
                        List.of("620123-S-PRIVATE-2", "620123-S-PRIVATE-1"))))
                .get(0);
        assertEquals(List.of("620123-S-PRIVATE-2", "620123-S-PRIVATE-1"), a.choices());
        assertEquals("620123-P-01", a.homeZone(), "the zone school stays the fallback");
    }

    @Test
    void aZoneThePlanDoesNotHaveCountsAsNone() {
        Applicant a = cut.of(
                        List.of(new ApprovedCase("620123-2026-P-000003", FamilyCategory.HOUSE_ONLY, "620123-J-01")))
                .get(0);
        assertNull(a.homeZone(), "followed up as NO_HOME_ZONE rather than refusing the county's round");
        assertNull(cut.of(List.of(new ApprovedCase("620123-2026-P-000004", FamilyCategory.HOUSE_ONLY, null)))
                .get(0)
                .homeZone());
    }

    @Test
    void anApprovedCaseWithoutCategoryIsRefusedByNumber() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> cut.of(List.of(new ApprovedCase("620123-2026-P-000005", null, "620123-P-01"))));
        assertEquals("admission.case-no-category", e.messageKey());
        assertEquals("办件620123-2026-P-000005审核通过但没有招生类别，请先在资格审核中核实", e.getMessage());
    }
}
