package org.oneenroll.admission.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/** The admission view of a county plan, and the plans it refuses. */
class AdmissionPlanTest {

    static final RegionCode YUZHONG = RegionCode.of("620123");

    static School school(String code, SchoolOwnership ownership) {
        return new School(
                code,
                "学校" + code,
                ownership,
                Address.of(YUZHONG, "620123100", "东关社区", null, null, null),
                null,
                List.of(new SchoolCapacity(Stage.PRIMARY, 90, 2)));
    }

    @Test
    void aPublishedCountyPlanBecomesTheAdmissionPlan() {
        School dg = school("DG01", SchoolOwnership.PUBLIC);
        School xg = school("XG01", SchoolOwnership.PUBLIC);
        School mb = school("MB01", SchoolOwnership.PRIVATE);
        CatchmentZone east = new CatchmentZone("Z1", "东关片区", YUZHONG, Stage.PRIMARY);
        east.addSchool(dg);
        CatchmentZone west = new CatchmentZone("Z2", "西关片区", YUZHONG, Stage.PRIMARY);
        west.addSchool(xg);
        CatchmentZone junior = new CatchmentZone("J1", "初中片区", YUZHONG, Stage.JUNIOR);
        EnrollmentPlan plan = new EnrollmentPlan(
                YUZHONG,
                2026,
                Stage.PRIMARY,
                1,
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-06-15T00:00:00Z"),
                LocalDate.of(2026, 7, 10),
                LocalDate.of(2026, 9, 1),
                LotteryRule.SINGLE_NUMBER_PER_CHILD,
                List.of(FamilyCategory.HOUSE_AND_HUKOU, FamilyCategory.MIGRANT),
                List.of(),
                List.of(new PlanSeat("DG01", 90), new PlanSeat("XG01", 45), new PlanSeat("MB01", 30)));

        AdmissionPlan cut = AdmissionPlan.from(
                plan,
                List.of(dg, xg, mb),
                List.of(east, west, junior),
                Map.of("Z1", List.of("Z2"), "J1", List.of("Z1")),
                1);

        assertEquals("620123-2026-PRIMARY-r1", cut.reference());
        assertEquals(
                List.of("DG01", "MB01", "XG01"),
                cut.schools().stream().map(SchoolSeats::code).toList());
        assertTrue(cut.isPrivate(cut.schoolIndex("MB01")));
        assertEquals(165, cut.totalSeats());
        assertEquals(Map.of("Z1", List.of("Z2"), "Z2", List.of("Z1")), cut.adjacency());
        assertTrue(cut.serves(cut.schoolIndex("DG01"), cut.findZone("Z1")));
        assertFalse(cut.serves(cut.schoolIndex("DG01"), cut.findZone("Z2")));
        assertEquals(1, cut.tier(FamilyCategory.MIGRANT));
        assertEquals(2, cut.tier(FamilyCategory.HOUSE_ONLY), "unlisted categories follow, each its own tier");
    }

    @Test
    void aPrivateSchoolCannotServeAZone() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> AdmissionPlan.builder("P1", Stage.PRIMARY)
                        .school("MB01", SchoolOwnership.PRIVATE, 30)
                        .zone("Z1", "MB01")
                        .build());

        assertEquals("民办学校“MB01”不能划入招生片区“Z1”，民办学校按摇号招生", e.getMessage());
    }

    @Test
    void aSeparateDrawPerSchoolIsRefusedWithTheReason() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> AdmissionPlan.builder("P1", Stage.PRIMARY)
                        .lotteryRule(LotteryRule.DRAW_PER_SCHOOL)
                        .build());

        assertEquals("admission.plan.lottery-rule", e.messageKey());
    }

    @Test
    void aWhatIfVariantLeavesTheOriginalAsItWas() {
        AdmissionPlan original = AdmissionPlan.builder("P1", Stage.PRIMARY)
                .school("DG01", SchoolOwnership.PUBLIC, 30)
                .zone("Z1", "DG01")
                .build();

        AdmissionPlan variant = original.withSeats("DG01", 35);

        assertEquals(30, original.seats(0));
        assertEquals(35, variant.seats(0));
    }
}
