package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.admission.Applicants.SEED;
import static org.oneenroll.admission.Applicants.houseAndHukou;
import static org.oneenroll.admission.Applicants.migrant;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.Route;
import org.oneenroll.admission.entity.WhatIfReport;
import org.oneenroll.admission.entity.WhatIfReport.ChildChange;
import org.oneenroll.admission.entity.WhatIfReport.SchoolChange;
import org.oneenroll.admission.entity.Zone;
import org.oneenroll.policy.entity.FamilyCategory;

/** What an officer sees when trying more seats, another category order or redrawn zones. */
class WhatIfTest {

    final WhatIf cut = new WhatIf();

    final Allocation base = new AdmissionEngine()
            .run(
                    AdmissionInput.of(
                            AdmissionEngineTest.county().build(),
                            List.of(
                                    houseAndHukou("H1", "Z1"),
                                    houseAndHukou("H2", "Z1"),
                                    migrant("M1", 90, "Z1"),
                                    houseAndHukou("X1", "Z2"))),
                    SEED);

    @Test
    void threeMoreSeatsAtAFullSchoolBringTheReallocatedChildBack() {
        WhatIfReport report = cut.withPlan(base, base.input().plan().withSeats("DG01", 5));

        assertEquals(
                List.of(new ChildChange("M1", Route.REALLOCATED, "XG01", Route.ZONE_SCHOOL, "DG01")),
                report.children());
        SchoolChange dg = report.schools().get(0);
        assertEquals("DG01", dg.schoolCode());
        assertEquals(2, dg.admittedBefore());
        assertEquals(3, dg.admittedAfter());
        assertEquals(FamilyCategory.HOUSE_AND_HUKOU, dg.cutoffBefore().category());
        assertNull(dg.cutoffAfter(), "with a seat to spare the school no longer has a cut-off");
        assertEquals("XG01", report.schools().get(1).schoolCode());
        assertEquals(1, report.schools().get(1).reallocatedBefore());
        assertEquals(0, report.schools().get(1).reallocatedAfter());
    }

    @Test
    void puttingMigrantChildrenFirstChangesWhoIsReallocated() {
        WhatIfReport report = cut.withPlan(
                base,
                base.input().plan().withCategoryOrder(List.of(FamilyCategory.MIGRANT, FamilyCategory.HOUSE_AND_HUKOU)));

        assertEquals(2, report.children().size());
        assertTrue(report.children().stream()
                .anyMatch(c -> c.childRef().equals("M1") && c.routeAfter() == Route.ZONE_SCHOOL));
        assertEquals(
                FamilyCategory.HOUSE_AND_HUKOU, base.school("DG01").cutoff().category());
    }

    @Test
    void aZoneServedByAnotherSchoolMovesItsChildren() {
        WhatIfReport report = cut.withPlan(base, base.input().plan().withZone(new Zone("Z2", List.of("BS01"))));

        assertEquals(
                List.of(new ChildChange("X1", Route.ZONE_SCHOOL, "XG01", Route.ZONE_SCHOOL, "BS01")),
                report.children().stream()
                        .filter(c -> c.childRef().equals("X1"))
                        .toList());
    }

    @Test
    void aRedrawnBoundaryMovesAChildToTheOtherZone() {
        WhatIfReport report = cut.withHomeZones(base, Map.of("M1", "Z2"));

        assertEquals(
                List.of(new ChildChange("M1", Route.REALLOCATED, "XG01", Route.ZONE_SCHOOL, "XG01")),
                report.children());
    }

    @Test
    void nothingChangedMeansAnEmptyReport() {
        WhatIfReport report = cut.withPlan(base, base.input().plan());

        assertEquals(new WhatIfReport(List.of(), List.of()), report);
    }
}
