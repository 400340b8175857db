package org.oneenroll.admission.control;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.policy.entity.PointsItem;
import org.oneenroll.verification.entity.FilledFields;

/**
 * 积分入学: a migrant child's points from the plan's points scheme and the fields the latest verification filled
 * from government records (never from what the family typed). The interim rule until plan management (issue 7)
 * defines each item's formula: see docs/admission.md, "Points".
 *
 * <ul>
 *   <li>{@code HUKOU_TYPE} (户籍类型：本省户籍): the item's points when the hukou region lies in the county's
 *       province;
 *   <li>{@code RESIDENCE} (居住证每满1年): the item's points per full year from the permit's issue date to the
 *       reference day, none for a permit found invalid;
 *   <li>{@code EMPLOYMENT} (社保每满1年): the item's points per full 12 months from the first to the last insured
 *       month (the last one capped at the reference month);
 *   <li>{@code PROPERTY} (自有住房): the item's points when a title or purchase contract was found;
 *   <li>any other item: no points (the scheme may only use these four, seed 001).
 * </ul>
 */
public final class MigrantPoints {

    private final String provinceName;
    private final LocalDate referenceDay;

    /**
     * @param provinceName the county's province as hukou region names begin with it (e.g. 甘肃省)
     * @param referenceDay the day durations are counted to: the close of the plan's application window, so the
     *                     points do not depend on the day the round is prepared
     */
    public MigrantPoints(String provinceName, LocalDate referenceDay) {
        this.provinceName = provinceName;
        this.referenceDay = referenceDay;
    }

    /** The points of one child, at most {@link Applicant#MAX_POINTS}. */
    public int points(List<PointsItem> scheme, FilledFields filled) {
        long total = 0;
        for (PointsItem item : scheme) {
            total += (long) item.points() * units(item.code(), filled);
        }
        return (int) Math.max(0, Math.min(Applicant.MAX_POINTS, total));
    }

    /** How many times an item counts for the child (0 or 1 for a condition, full years for a duration). */
    int units(String code, FilledFields filled) {
        return switch (code) {
            case "HUKOU_TYPE" -> filled.hukouRegion()
                            .filter(r -> !provinceName.isBlank() && r.strip().startsWith(provinceName))
                            .isPresent()
                    ? 1
                    : 0;
            case "RESIDENCE" -> filled.permitValid().orElse(Boolean.TRUE)
                    ? filled.permitIssueDate()
                            .filter(d -> !d.isAfter(referenceDay))
                            .map(d -> Period.between(d, referenceDay).getYears())
                            .orElse(0)
                    : 0;
            case "EMPLOYMENT" -> insuredYears(filled);
            case "PROPERTY" -> filled.propertyAddress()
                            .filter(a -> !a.isBlank())
                            .isPresent()
                    ? 1
                    : 0;
            default -> 0;
        };
    }

    private int insuredYears(FilledFields filled) {
        YearMonth start = filled.insuranceStartMonth().orElse(null);
        if (start == null) {
            return 0;
        }
        YearMonth reference = YearMonth.from(referenceDay);
        YearMonth end = filled.insuranceEndMonth().orElse(reference);
        if (end.isAfter(reference)) {
            end = reference;
        }
        if (end.isBefore(start)) {
            return 0;
        }
        long months = ChronoUnit.MONTHS.between(start, end) + 1;
        return (int) (months / 12);
    }
}
