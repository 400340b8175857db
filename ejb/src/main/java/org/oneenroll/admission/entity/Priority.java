package org.oneenroll.admission.entity;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.policy.entity.FamilyCategory;

/**
 * Where a child stands at one school. A public school compares in-zone before out-of-zone, then the tier
 * (the category's place in the plan's order), then points (migrant tier only, more first), then the lottery
 * position; a private school compares the lottery position alone.
 */
public record Priority(
        boolean lotteryOnly, boolean inZone, FamilyCategory category, int tier, OptionalInt points, int lotteryPosition)
        implements Comparable<Priority> {

    /** Negative when this priority is the better one (admitted first). */
    @Override
    public int compareTo(Priority other) {
        if (lotteryOnly || other.lotteryOnly) {
            return Integer.compare(lotteryPosition, other.lotteryPosition);
        }
        if (inZone != other.inZone) {
            return inZone ? -1 : 1;
        }
        if (tier != other.tier) {
            return Integer.compare(tier, other.tier);
        }
        int byPoints = Integer.compare(other.points.orElse(0), points.orElse(0));
        return byPoints != 0 ? byPoints : Integer.compare(lotteryPosition, other.lotteryPosition);
    }

    public String messageKey() {
        return lotteryOnly ? "admission.priority.lottery" : "admission.priority.public";
    }

    /**
     * Arguments of {@link #messageKey()}: the zone and category as message keys to resolve first, the points
     * (empty when they do not count) and the lottery position.
     */
    public List<String> arguments() {
        if (lotteryOnly) {
            return List.of(String.valueOf(lotteryPosition));
        }
        return List.of(
                inZone ? "admission.priority.in-zone" : "admission.priority.out-of-zone",
                "admission.category." + category.name(),
                points.isPresent() ? String.valueOf(points.getAsInt()) : "",
                String.valueOf(lotteryPosition));
    }

    public String describe(Locale locale) {
        if (lotteryOnly) {
            return Messages.format(locale, messageKey(), String.valueOf(lotteryPosition));
        }
        String pointsText = points.isPresent()
                ? Messages.format(locale, "admission.priority.points", String.valueOf(points.getAsInt()))
                : "";
        return Messages.format(
                locale,
                messageKey(),
                Messages.format(locale, inZone ? "admission.priority.in-zone" : "admission.priority.out-of-zone"),
                Messages.format(locale, "admission.category." + category.name()),
                pointsText,
                String.valueOf(lotteryPosition));
    }
}
