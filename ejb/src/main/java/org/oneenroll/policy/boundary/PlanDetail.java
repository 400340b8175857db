package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oneenroll.policy.control.Coverage;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * One stage of a county's published plan as the public plan page shows it: the window, every school with its seats
 * and the zones it serves (with the address units they cover), the category order, points, choice and lottery rules,
 * which revision this is and when it was published, and every correction since the first (what changed and when).
 *
 * @param counterOpens  the first day of the counter (帮办) window; null on plans published before it was asked
 * @param choiceSchools the names of the schools a family may name, in code order (none when {@code maxChoices} is 0)
 * @param corrections   revisions 2 on, oldest first
 */
public record PlanDetail(
        String countyName,
        int year,
        Stage stage,
        int revision,
        ApplicationWindow window,
        LocalDate termStarts,
        LotteryRule lotteryRule,
        List<FamilyCategory> categoryOrder,
        List<Points> pointsScheme,
        List<SchoolSeats> schools,
        int totalSeats,
        Instant publishedAt,
        LocalDate counterOpens,
        LocalDate counterCloses,
        LocalDate reviewEnds,
        int maxChoices,
        List<String> choiceSchools,
        List<Correction> corrections)
        implements Serializable {

    /** A published correction: its revision, when, why and what it changed (one line per field). */
    public record Correction(int revision, Instant publishedAt, String reason, List<String> changes)
            implements Serializable {}

    /** One item of the migrant-children points scheme. */
    public record Points(String label, int points) implements Serializable {}

    /**
     * A school's seats under the plan; public schools list the zones they serve, private ones none.
     *
     * @param address the school's street address as registered (else its community and compound, after the town)
     */
    public record SchoolSeats(
            String code,
            String name,
            SchoolOwnership ownership,
            String address,
            String phone,
            int seats,
            List<ZoneArea> zones)
            implements Serializable {

        public boolean publicSchool() {
            return ownership == SchoolOwnership.PUBLIC;
        }
    }

    /** A catchment zone and the towns, communities and compounds it covers. */
    public record ZoneArea(String code, String name, List<Coverage.Town> towns) implements Serializable {}

    /** The plan has a points scheme that applies: migrant children are one of its categories. */
    public boolean hasPoints() {
        return !pointsScheme.isEmpty() && categoryOrder.contains(FamilyCategory.MIGRANT);
    }
}
