package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.admission.Applicants.SEED;
import static org.oneenroll.admission.Applicants.USUAL_ORDER;
import static org.oneenroll.admission.Applicants.child;
import static org.oneenroll.admission.Applicants.houseAndHukou;
import static org.oneenroll.admission.Applicants.migrant;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.Applicants;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.admission.entity.ChoiceOutcome;
import org.oneenroll.admission.entity.ChoiceStatus;
import org.oneenroll.admission.entity.Explanation;
import org.oneenroll.admission.entity.Placement;
import org.oneenroll.admission.entity.Priority;
import org.oneenroll.admission.entity.Route;
import org.oneenroll.admission.entity.UnplacedReason;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/** Scenarios a county officer would recognise: zones, tiers, points, private lotteries, reallocation, follow-up. */
class AdmissionEngineTest {

    final AdmissionEngine cut = new AdmissionEngine();

    /** 东关 (Z1) and 西关 (Z2) border each other; 北山 (Z3) borders 西关 only. */
    static AdmissionPlan.Builder county() {
        return AdmissionPlan.builder("620123-2026-PRIMARY-r1", Stage.PRIMARY)
                .categoryOrder(USUAL_ORDER)
                .school("DG01", SchoolOwnership.PUBLIC, 2)
                .school("XG01", SchoolOwnership.PUBLIC, 2)
                .school("BS01", SchoolOwnership.PUBLIC, 5)
                .zone("Z1", "DG01")
                .zone("Z2", "XG01")
                .zone("Z3", "BS01")
                .adjacent("Z1", "Z2")
                .adjacent("Z2", "Z3");
    }

    @Test
    void zoneChildrenBeatOutOfZoneChildrenWhateverTheirCategory() {
        AdmissionInput input = AdmissionInput.of(
                county().build(),
                List.of(
                        migrant("Z1-MIGRANT-A", 10, "Z1"), migrant("Z1-MIGRANT-B", 5, "Z1"),
                        houseAndHukou("Z2-HOUSE-A", "Z2", "DG01"), houseAndHukou("Z2-HOUSE-B", "Z2", "DG01")));

        Allocation result = cut.run(input, SEED);

        assertEquals(
                new Placement("Z1-MIGRANT-A", Route.ZONE_SCHOOL, "DG01", 0, -1, null),
                result.placement("Z1-MIGRANT-A"));
        assertEquals("DG01", result.placement("Z1-MIGRANT-B").schoolCode());
        assertEquals(
                new Placement("Z2-HOUSE-A", Route.ZONE_SCHOOL, "XG01", 0, -1, null), result.placement("Z2-HOUSE-A"));
        ChoiceOutcome refused = result.explain("Z2-HOUSE-B").applications().get(0);
        assertEquals(ChoiceStatus.OUTRANKED, refused.status());
        assertTrue(refused.cutoff().inZone(), "the last child admitted at DG01 lives in its zone");
    }

    @Test
    void houseAndHukouFamiliesBeatMigrantChildrenAtAFullSchool() {
        AdmissionPlan plan = county().school("DG02", SchoolOwnership.PUBLIC, 1)
                .zone("Z4", "DG02")
                .adjacent("Z4", "Z1")
                .build();
        AdmissionInput input =
                AdmissionInput.of(plan, List.of(migrant("MIGRANT", 99, "Z4"), houseAndHukou("HOUSE", "Z4")));

        Allocation result = cut.run(input, SEED);

        assertEquals("DG02", result.placement("HOUSE").schoolCode());
        Explanation why = result.explain("MIGRANT");
        assertEquals(Route.REALLOCATED, why.route());
        assertEquals("DG01", why.schoolCode());
        assertEquals(1, why.hops());
        ChoiceOutcome zoneSchool = why.applications().get(0);
        assertEquals(ChoiceStatus.OUTRANKED, zoneSchool.status());
        assertEquals(FamilyCategory.HOUSE_AND_HUKOU, zoneSchool.cutoff().category());
        assertEquals(
                "本片区学校DG02：已录满，未录取。该校最后录取：本片区房户一致，摇号序号"
                        + result.draw().position(input.childIndex("HOUSE")) + "；您的孩子：本片区随迁子女，积分99，摇号序号"
                        + result.draw().position(input.childIndex("MIGRANT")),
                zoneSchool.message(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void pointsDecideAmongMigrantChildrenAndTheCutOffShowsThem() {
        AdmissionInput input = AdmissionInput.of(
                county().build(),
                List.of(migrant("M60", 60, "Z1"), migrant("M95", 95, "Z1"), migrant("M80", 80, "Z1")));

        Allocation result = cut.run(input, SEED);

        assertEquals("DG01", result.placement("M95").schoolCode());
        assertEquals("DG01", result.placement("M80").schoolCode());
        assertEquals(Route.REALLOCATED, result.placement("M60").route());
        Priority cutoff = result.school("DG01").cutoff();
        assertEquals(OptionalInt.of(80), cutoff.points());
        assertEquals(FamilyCategory.MIGRANT, cutoff.category());
    }

    @Test
    void aPrivateSchoolAdmitsByLotteryAloneAndTheLoserKeepsTheZoneSchool() {
        AdmissionPlan plan = county().school("MB01", SchoolOwnership.PRIVATE, 1).build();
        List<Applicant> children = List.of(migrant("MIGRANT", 0, "Z2", "MB01"), houseAndHukou("HOUSE", "Z1", "MB01"));
        AdmissionInput input = AdmissionInput.of(plan, children);
        int n = 0;
        while (new Lottery().draw(input, Applicants.seed(n)).position(input.childIndex("MIGRANT")) != 1) {
            n++;
        }

        Allocation result = cut.run(input, Applicants.seed(n));

        assertEquals(new Placement("MIGRANT", Route.CHOICE, "MB01", 1, -1, null), result.placement("MIGRANT"));
        assertEquals(new Placement("HOUSE", Route.ZONE_SCHOOL, "DG01", 0, -1, null), result.placement("HOUSE"));
        Priority cutoff = result.school("MB01").cutoff();
        assertTrue(cutoff.lotteryOnly());
        assertEquals(1, cutoff.lotteryPosition());
    }

    @Test
    void aChildWithoutChoicesAppliesToTheZoneSchool() {
        AdmissionInput input = AdmissionInput.of(county().build(), List.of(houseAndHukou("HOUSE", "Z2")));

        Explanation why = cut.run(input, SEED).explain("HOUSE");

        assertEquals(Route.ZONE_SCHOOL, why.route());
        assertEquals("XG01", why.schoolCode());
        assertEquals("录取到本片区学校XG01（本片区房户一致，摇号序号1）", why.message(Locale.SIMPLIFIED_CHINESE));
        assertEquals(
                "Admitted at zone school XG01 (in zone, property and hukou in the zone, lottery position 1)",
                why.message(Locale.ENGLISH));
    }

    @Test
    void reallocationGoesToTheNearestSchoolWithSeatsAndTheBetterRankedChildGetsTheNearerSeat() {
        AdmissionPlan plan = county().build().withSeats("XG01", 1);
        AdmissionInput input = AdmissionInput.of(
                plan,
                List.of(
                        houseAndHukou("Z1-A", "Z1"),
                        houseAndHukou("Z1-B", "Z1"),
                        migrant("Z1-LATE-MIGRANT-0", 0, "Z1"),
                        migrant("Z1-LATE-MIGRANT", 3, "Z1"),
                        child("Z1-LATE-RENTING", FamilyCategory.HUKOU_ONLY_RENTING, "Z1")));

        Allocation result = cut.run(input, SEED);

        assertEquals(
                new Placement("Z1-LATE-RENTING", Route.REALLOCATED, "XG01", 0, 1, null),
                result.placement("Z1-LATE-RENTING"));
        assertEquals(
                new Placement("Z1-LATE-MIGRANT", Route.REALLOCATED, "BS01", 0, 2, null),
                result.placement("Z1-LATE-MIGRANT"));
        assertEquals(2, result.school("BS01").reallocated());
        assertEquals(3, result.school("BS01").seatsLeft());
    }

    @Test
    void childrenStillWithoutASeatAreListedWithTheReason() {
        AdmissionPlan plan = county().reallocationHops(1).build();
        AdmissionInput input = AdmissionInput.of(
                plan,
                List.of(
                        houseAndHukou("Z1-A", "Z1"),
                        houseAndHukou("Z1-B", "Z1"),
                        houseAndHukou("Z2-A", "Z2"),
                        houseAndHukou("Z2-B", "Z2"),
                        migrant("Z1-C", 0, "Z1"),
                        migrant("NOWHERE", 0, null, "DG01")));

        Allocation result = cut.run(input, SEED);

        assertEquals(
                List.of(
                        new Placement("NOWHERE", Route.UNPLACED, null, 0, -1, UnplacedReason.NO_HOME_ZONE),
                        new Placement("Z1-C", Route.UNPLACED, null, 0, -1, UnplacedReason.NONE_WITHIN_REACH)),
                result.unplaced());
        assertEquals("暂未安排学位：调剂范围内的学校均无剩余学位。教育局将与您联系", result.explain("Z1-C").message(Locale.SIMPLIFIED_CHINESE));
        assertNull(result.explain("Z1-C").priority());
    }

    @Test
    void whenEverySeatIsTakenTheReasonSaysSo() {
        AdmissionPlan plan = AdmissionPlan.builder("P1", Stage.JUNIOR)
                .school("DG01", SchoolOwnership.PUBLIC, 1)
                .zone("Z1", "DG01")
                .build();
        AdmissionInput input = AdmissionInput.of(plan, List.of(houseAndHukou("A", "Z1"), houseAndHukou("B", "Z1")));

        Allocation result = cut.run(input, SEED);

        assertEquals(1, result.count(Route.UNPLACED));
        assertEquals(UnplacedReason.NO_SEATS_LEFT, result.unplaced().get(0).reason());
    }

    @Test
    void aChildAdmittedAtAnEarlierChoiceIsToldTheLaterOnesWereNotNeeded() {
        AdmissionInput input =
                AdmissionInput.of(county().build(), List.of(houseAndHukou("HOUSE", "Z3", "XG01", "DG01")));

        Explanation why = cut.run(input, SEED).explain("HOUSE");

        assertEquals(1, why.choiceNumber());
        assertEquals(
                List.of(ChoiceStatus.ADMITTED, ChoiceStatus.NOT_NEEDED, ChoiceStatus.NOT_NEEDED),
                why.applications().stream().map(ChoiceOutcome::status).toList());
        assertTrue(why.applications().get(2).zoneSchool());
    }
}
