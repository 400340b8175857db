package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;

/**
 * Everything the plan editor saves at once: the draft's id and the version the officer saw, the dates, the seats per
 * school code, the tiers, the points items, the choice and lottery rules, the estimate of eligible children, the texts
 * by key and the materials per family group.
 */
public record PlanEdit(
        long planId,
        long version,
        Instant onlineOpens,
        Instant onlineCloses,
        LocalDate counterOpens,
        LocalDate counterCloses,
        LocalDate reviewEnds,
        LocalDate resultsOn,
        LocalDate termStarts,
        Map<String, Integer> seats,
        List<FamilyCategory> categoryOrder,
        List<PlanSheet.PointsLine> points,
        int maxChoices,
        List<String> choiceSchools,
        LotteryRule lotteryRule,
        Integer eligibleChildren,
        String eligibleChildrenSource,
        Map<String, String> texts,
        Map<String, List<String>> materials)
        implements Serializable {}
