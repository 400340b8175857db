package org.oneenroll.policy.control;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.PointsItem;
import org.oneenroll.policy.entity.Stage;

/**
 * A county's first plan when it has none from an earlier year to carry over: the usual calendar (online and counter
 * applications in the first half of July, results on 10 August, term on 1 September), every school's registered
 * capacity as its seats, the tier order and the points items of seed 001. A starting point the officer edits.
 */
public final class PlanDefaults {

    /** Local families first, preferential families after owners in the zone, migrant children last (seed 001). */
    public static final List<FamilyCategory> CATEGORY_ORDER = List.of(
            FamilyCategory.HOUSE_AND_HUKOU,
            FamilyCategory.PREFERENTIAL,
            FamilyCategory.HOUSE_ONLY,
            FamilyCategory.HUKOU_ONLY_RELATIVE,
            FamilyCategory.HUKOU_ONLY_RENTING,
            FamilyCategory.MIGRANT);

    /** Seed 001 limits the points items to hukou type, residence, employment and property type: these four codes. */
    public static final List<PointsItem> POINTS = List.of(
            new PointsItem("HUKOU_TYPE", "户籍类型：本省户籍", 10),
            new PointsItem("RESIDENCE", "居住情况：居住证每满1年", 5),
            new PointsItem("EMPLOYMENT", "从业情况：本县社保每满1年", 5),
            new PointsItem("PROPERTY", "房产类型：本县自有住房", 20));

    private PlanDefaults() {}

    /** The codes a points item may have, in the order the public page lists them. */
    public static List<String> pointsCodes() {
        return POINTS.stream().map(PointsItem::code).toList();
    }

    /** A first draft for the year and stage with every school that teaches the stage at its capacity. */
    public static EnrollmentPlan draft(RegionCode county, int year, Stage stage, List<PlanSeat> capacities) {
        EnrollmentPlan plan = new EnrollmentPlan(
                county,
                year,
                stage,
                1,
                LocalDateTime.of(year, 7, 1, 8, 30).atZone(Clocks.SHANGHAI).toInstant(),
                LocalDateTime.of(year, 7, 15, 17, 0).atZone(Clocks.SHANGHAI).toInstant(),
                LocalDate.of(year, 8, 10),
                LocalDate.of(year, 9, 1),
                LotteryRule.SINGLE_NUMBER_PER_CHILD,
                CATEGORY_ORDER,
                POINTS,
                new ArrayList<>(capacities));
        plan.reschedule(
                plan.onlineOpens(),
                plan.onlineCloses(),
                LocalDate.of(year, 7, 1),
                LocalDate.of(year, 7, 15),
                LocalDate.of(year, 7, 31),
                plan.resultsOn(),
                plan.termStarts());
        return plan;
    }
}
