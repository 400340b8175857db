package org.oneenroll.intake.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.NextStep;
import org.oneenroll.intake.entity.NextStep.Action;
import org.oneenroll.platform.control.Messages;

/**
 * 下一步怎么办: what a family should do now, from where its case is and what the checks, the reviewer and the
 * admission round said. Pure rules, in Chinese ({@code family.next.*} messages); the status page shows them.
 */
public final class NextSteps {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private NextSteps() {}

    /**
     * Everything the advice depends on; what does not apply to the status is {@code null} or empty.
     *
     * @param authorised      whether a guardian's authorisation for the checks is in force
     * @param pendingProofs   the proofs the latest check could not replace (names), for "needs offline check"
     * @param requestedProofs the proofs the reviewer asked for (names), for "returned"
     * @param proofDeadline   the day those are due
     * @param reason          why the application was not approved (the reviewer's reason)
     * @param comment         the reviewer's 办理意见, shown to the family
     * @param result          the admission result in words (school and route)
     * @param resultsOn       the day the county publishes results (from its plan)
     * @param answerBy        the day by which an admission is confirmed or a reallocation answered
     * @param counterAddress  where the counter (招生服务点) is
     * @param counterHours    when it is open
     * @param hotline         the number for questions and complaints
     */
    public record Situation(
            CaseStatus status,
            boolean authorised,
            List<String> pendingProofs,
            List<String> requestedProofs,
            LocalDate proofDeadline,
            String reason,
            String comment,
            String result,
            LocalDate resultsOn,
            LocalDate answerBy,
            String counterAddress,
            String counterHours,
            String hotline) {

        public Situation {
            pendingProofs = pendingProofs == null ? List.of() : List.copyOf(pendingProofs);
            requestedProofs = requestedProofs == null ? List.of() : List.copyOf(requestedProofs);
        }
    }

    public static NextStep of(Situation s) {
        List<String> details = new ArrayList<>();
        return switch (s.status()) {
            case SUBMITTED -> {
                if (s.authorised()) {
                    yield step("SUBMITTED", Action.NONE, text("family.next.SUBMITTED.1"));
                }
                yield step(
                        "SUBMITTED.unauthorised",
                        Action.AUTHORISE,
                        text("family.next.SUBMITTED.unauthorised.1"),
                        counter(s));
            }
            case VERIFYING -> step("VERIFYING", Action.NONE, text("family.next.VERIFYING.1"));
            case VERIFIED -> step("VERIFIED", Action.NONE, text("family.next.VERIFIED.1"));
            case NEEDS_OFFLINE_CHECK -> {
                details.add(
                        s.pendingProofs().isEmpty()
                                ? text("family.next.NEEDS_OFFLINE_CHECK.none")
                                : text("family.next.NEEDS_OFFLINE_CHECK.1", names(s.pendingProofs())));
                details.add(counter(s));
                details.add(text("family.next.NEEDS_OFFLINE_CHECK.2"));
                yield new NextStep(text("family.next.NEEDS_OFFLINE_CHECK"), details, Action.UPLOAD);
            }
            case UNDER_REVIEW -> step("UNDER_REVIEW", Action.NONE, text("family.next.UNDER_REVIEW.1"));
            case RETURNED -> {
                String proofs = s.requestedProofs().isEmpty()
                        ? text("family.next.RETURNED.as-commented")
                        : names(s.requestedProofs());
                details.add(
                        s.proofDeadline() == null
                                ? text("family.next.RETURNED.no-deadline", proofs)
                                : text("family.next.RETURNED.1", proofs, DAY.format(s.proofDeadline())));
                comment(s, details);
                details.add(counter(s));
                yield new NextStep(text("family.next.RETURNED"), details, Action.UPLOAD);
            }
            case APPROVED -> step(
                    "APPROVED",
                    Action.NONE,
                    s.resultsOn() == null
                            ? text("family.next.APPROVED.no-date")
                            : text("family.next.APPROVED.1", DAY.format(s.resultsOn())));
            case REJECTED -> {
                if (s.reason() != null && !s.reason().isBlank()) {
                    details.add(text("family.next.reason", s.reason()));
                }
                comment(s, details);
                details.add(text("family.next.REJECTED.1", s.hotline()));
                details.add(counter(s));
                yield new NextStep(text("family.next.REJECTED"), details, Action.NONE);
            }
            case ADMITTED, REALLOCATED -> {
                if (s.result() != null && !s.result().isBlank()) {
                    details.add(text("family.next.result", s.result()));
                }
                details.add(
                        s.status() == CaseStatus.ADMITTED
                                ? text("family.next.ADMITTED.1", day(s.answerBy()))
                                : text("family.next.REALLOCATED.1", day(s.answerBy()), s.hotline()));
                yield new NextStep(text("family.next." + s.status().name()), details, Action.NONE);
            }
            case WAITLISTED -> step("WAITLISTED", Action.NONE, text("family.next.WAITLISTED.1"));
            case UNPLACED -> step("UNPLACED", Action.NONE, text("family.next.UNPLACED.1", s.hotline()));
            case NOTIFIED -> step("NOTIFIED", Action.NONE, text("family.next.NOTIFIED.1"));
            case PRE_REGISTERED -> step("PRE_REGISTERED", Action.NONE, text("family.next.PRE_REGISTERED.1"));
            case RECORD_CONFIRMED -> step("RECORD_CONFIRMED", Action.NONE, text("family.next.RECORD_CONFIRMED.1"));
            case WITHDRAWN -> step("WITHDRAWN", Action.NONE, text("family.next.WITHDRAWN.1"));
            case ARCHIVED -> step("ARCHIVED", Action.NONE, text("family.next.ARCHIVED.1"));
        };
    }

    private static NextStep step(String key, Action action, String... details) {
        return new NextStep(text("family.next." + key), List.of(details), action);
    }

    private static void comment(Situation s, List<String> details) {
        if (s.comment() != null && !s.comment().isBlank()) {
            details.add(text("family.next.comment", s.comment()));
        }
    }

    private static String counter(Situation s) {
        return text("family.next.counter", s.counterAddress(), s.counterHours());
    }

    private static String day(LocalDate day) {
        return day == null ? text("family.next.soon") : DAY.format(day);
    }

    private static String names(List<String> names) {
        return String.join("、", names);
    }

    private static String text(String key, Object... args) {
        return Messages.format(Messages.DEFAULT_LOCALE, key, args);
    }
}
