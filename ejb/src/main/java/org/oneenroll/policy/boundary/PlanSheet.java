package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanStatus;
import org.oneenroll.policy.entity.Stage;

/**
 * One revision of a county's plan as the plan editor shows it: every field, each school of the county that teaches
 * the stage (with its seats, zero when the plan gives it none), every rewordable text beside its default, and who
 * drafted and published it.
 *
 * @param choiceSchools the schools listed as taking choices; empty means every private school with seats
 * @param changes       for a published correction, what it changed against the revision before
 * @param editable      a draft the caller may edit (a county administrator of the county)
 * @param correctable   the latest revision, published, and the caller may correct it
 */
public record PlanSheet(
        long id,
        long version,
        String countyCode,
        String countyName,
        int year,
        Stage stage,
        int revision,
        PlanStatus status,
        Instant onlineOpens,
        Instant onlineCloses,
        LocalDate counterOpens,
        LocalDate counterCloses,
        LocalDate reviewEnds,
        LocalDate resultsOn,
        LocalDate termStarts,
        List<SeatLine> seats,
        List<FamilyCategory> categoryOrder,
        List<PointsLine> points,
        int maxChoices,
        List<String> choiceSchools,
        LotteryRule lotteryRule,
        Integer eligibleChildren,
        String eligibleChildrenSource,
        List<TextLine> texts,
        List<MaterialLine> materials,
        List<MaterialName> catalog,
        String draftedBy,
        Instant publishedAt,
        String publishedBy,
        String correctionReason,
        List<String> changes,
        boolean editable,
        boolean correctable)
        implements Serializable {

    /**
     * A school's line: the county's registered school, its capacity for the stage and how many zones of the stage it
     * serves, and the seats the plan gives it.
     */
    public record SeatLine(String schoolCode, String name, boolean privateSchool, int capacity, int zones, int seats)
            implements Serializable {}

    /** One of the four points items seed 001 allows, used by the plan or not. */
    public record PointsLine(String code, boolean used, String label, int points) implements Serializable {}

    /** A rewordable text: the plan's wording (the default when it has none) beside the default. */
    public record TextLine(
            String key, GuideDefaults.Group group, String label, String defaultText, String text, boolean multiline)
            implements Serializable {

        public boolean reworded() {
            return !text.equals(defaultText);
        }
    }

    /** A family group's materials under the plan, beside the default list. */
    public record MaterialLine(String key, String label, List<String> defaultIds, List<String> ids)
            implements Serializable {}

    /** A material of the catalog and its short name. */
    public record MaterialName(String id, String name) implements Serializable {}

    public boolean published() {
        return status == PlanStatus.PUBLISHED;
    }

    public boolean correction() {
        return revision > 1;
    }

    public int totalSeats() {
        return seats.stream().mapToInt(SeatLine::seats).sum();
    }
}
