package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.policy.entity.PointsItem;
import org.oneenroll.verification.entity.FilledField;
import org.oneenroll.verification.entity.FilledFields;

/** The interim points rule on the demo county's scheme (10 本省户籍, 5 per permit year, 5 per insured year, 20 房产). */
class MigrantPointsTest {

    static final List<PointsItem> DEMO = List.of(
            new PointsItem("HUKOU_TYPE", "户籍类型：本省户籍", 10),
            new PointsItem("RESIDENCE", "居住情况：居住证每满1年", 5),
            new PointsItem("EMPLOYMENT", "从业情况：本县社保每满1年", 5),
            new PointsItem("PROPERTY", "房产类型：本县自有住房", 20));

    MigrantPoints cut = new MigrantPoints("甘肃省", LocalDate.of(2026, 7, 31));

    @Test
    void everyItemCountsFromTheRecords() {
        FilledFields filled = fields(Map.of(
                FilledField.HUKOU_REGION,
                "甘肃省 定西市 安定区",
                FilledField.PERMIT_ISSUE_DATE,
                LocalDate.of(2023, 7, 31),
                FilledField.PERMIT_VALID,
                true,
                FilledField.INSURANCE_START_MONTH,
                YearMonth.of(2024, 1),
                FilledField.INSURANCE_END_MONTH,
                YearMonth.of(2026, 6),
                FilledField.PROPERTY_ADDRESS,
                "榆中县城关镇某小区3号楼"));
        // 10 + 3 full permit years × 5 + 30 months = 2 full years × 5 + 20
        assertEquals(10 + 15 + 10 + 20, cut.points(DEMO, filled));
    }

    @Test
    void anotherProvinceNoPermitNoInsuranceNoHomeIsZero() {
        FilledFields filled = fields(Map.of(FilledField.HUKOU_REGION, "河南省 周口市 太康县"));
        assertEquals(0, cut.points(DEMO, filled));
        assertEquals(0, cut.points(DEMO, FilledFields.none()));
    }

    @Test
    void aPermitYearCountsOnlyWhenFullAndOnlyWhenValid() {
        FilledFields oneDayShort = fields(Map.of(FilledField.PERMIT_ISSUE_DATE, LocalDate.of(2025, 8, 1)));
        assertEquals(0, cut.points(DEMO, oneDayShort));
        FilledFields exactlyOne = fields(Map.of(FilledField.PERMIT_ISSUE_DATE, LocalDate.of(2025, 7, 31)));
        assertEquals(5, cut.points(DEMO, exactlyOne));
        FilledFields invalid = fields(
                Map.of(FilledField.PERMIT_ISSUE_DATE, LocalDate.of(2020, 1, 1), FilledField.PERMIT_VALID, false));
        assertEquals(0, cut.points(DEMO, invalid));
    }

    @Test
    void insuranceStillPaidCountsToTheReferenceMonth() {
        // No end month: still insured; 2025-08 .. 2026-07 is 12 months.
        FilledFields ongoing = fields(Map.of(FilledField.INSURANCE_START_MONTH, YearMonth.of(2025, 8)));
        assertEquals(5, cut.points(DEMO, ongoing));
        // An end month after the reference day is capped there.
        FilledFields future = fields(Map.of(
                FilledField.INSURANCE_START_MONTH, YearMonth.of(2025, 9),
                FilledField.INSURANCE_END_MONTH, YearMonth.of(2027, 12)));
        assertEquals(0, cut.points(DEMO, future));
    }

    @Test
    void unknownItemsGiveNothingAndTheTotalIsCapped() {
        assertEquals(0, cut.points(List.of(new PointsItem("AWARDS", "获奖", 50)), FilledFields.none()));
        FilledFields home = fields(Map.of(FilledField.PROPERTY_ADDRESS, "某地"));
        assertEquals(
                Applicant.MAX_POINTS, cut.points(List.of(new PointsItem("PROPERTY", "房产", Integer.MAX_VALUE)), home));
    }

    private static FilledFields fields(Map<FilledField, Object> values) {
        return new FilledFields(new EnumMap<>(values));
    }
}
