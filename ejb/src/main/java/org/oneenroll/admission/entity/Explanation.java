package org.oneenroll.admission.entity;

import java.util.List;
import java.util.Locale;
import org.oneenroll.platform.control.Messages;

/**
 * Why a child got what they got: school, route, priority there, distance or reason, and every listed school's
 * outcome with its cut-off. Fields that do not apply are null, as in {@link Placement}.
 */
public record Explanation(
        String childRef,
        Route route,
        String schoolCode,
        Priority priority,
        int choiceNumber,
        int hops,
        UnplacedReason reason,
        List<ChoiceOutcome> applications) {

    public Explanation {
        applications = List.copyOf(applications);
    }

    /** The headline's key: {@code admission.explain.} and the route. */
    public String messageKey() {
        return "admission.explain." + route.name();
    }

    /**
     * The headline in a language: {0} school, {1} choice number, {2} distance in zones, {3} the priority at
     * the school, {4} the reason for no seat.
     */
    public String message(Locale locale) {
        return Messages.format(
                locale,
                messageKey(),
                schoolCode == null ? "" : schoolCode,
                String.valueOf(choiceNumber),
                String.valueOf(hops),
                priority == null ? "" : priority.describe(locale),
                reason == null ? "" : Messages.format(locale, reason.messageKey()));
    }
}
