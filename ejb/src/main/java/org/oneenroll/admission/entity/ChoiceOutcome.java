package org.oneenroll.admission.entity;

import java.util.Locale;
import org.oneenroll.platform.control.Messages;

/**
 * What became of one school on a child's application list: the child's own priority there and, when the
 * school filled before reaching the child, the cut-off (the last child admitted). {@code choiceNumber}
 * counts from 1; it is 0 for a zone school the family did not list.
 */
public record ChoiceOutcome(
        int choiceNumber, String schoolCode, boolean zoneSchool, ChoiceStatus status, Priority own, Priority cutoff) {

    public String messageKey() {
        return status.messageKey();
    }

    public String message(Locale locale) {
        String label = zoneSchool
                ? Messages.format(locale, "admission.label.zone-school")
                : Messages.format(locale, "admission.label.choice", String.valueOf(choiceNumber));
        return Messages.format(
                locale,
                messageKey(),
                label,
                schoolCode,
                own.describe(locale),
                cutoff == null ? "" : cutoff.describe(locale));
    }
}
