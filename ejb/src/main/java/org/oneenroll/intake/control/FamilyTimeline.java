package org.oneenroll.intake.control;

import java.util.List;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.CaseTransition;
import org.oneenroll.intake.entity.FamilyCase.Step;
import org.oneenroll.platform.control.Messages;

/**
 * A case's history as its family reads it: each status reached, when, and the note meant for the family (a
 * reviewer's reason and 办理意见, the admission result, a withdrawal's reason). Who acted is left out (staff user
 * names mean nothing to a family), and so are the verification's reasons: the checks are shown per source instead.
 */
public final class FamilyTimeline {

    private FamilyTimeline() {}

    public static List<Step> of(List<CaseTransition> history) {
        return history.stream()
                .map(t -> new Step(t.occurredAt(), t.to().label(), note(t.to(), t.note())))
                .toList();
    }

    /**
     * What of a stored note the family sees. The note of a submission is its channel; of a check's start, which
     * check; of an abandoned check, why (a message key without arguments); of a check's end, a message key of the
     * category's reason whose arguments are not stored, so nothing; every other note is text people wrote.
     */
    static String note(CaseStatus to, String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (to == CaseStatus.SUBMITTED && note.matches("ONLINE|COUNTER")) {
            return text("review.channel." + note);
        }
        if (to == CaseStatus.VERIFYING && note.matches("FIRST|AGAIN|RESUME")) {
            return text("case.check." + note);
        }
        if (note.startsWith("verification.abandoned.")) {
            return text(note);
        }
        if (note.matches("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)+")) {
            return null;
        }
        return note;
    }

    private static String text(String key) {
        return Messages.format(Messages.DEFAULT_LOCALE, key);
    }
}
