package org.oneenroll.review.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.intake.entity.CaseTransition;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.review.entity.CaseDetail;
import org.oneenroll.review.entity.ReviewDecision;
import org.oneenroll.review.entity.ReviewReason;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.FieldMismatch;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.VerificationResult;

/**
 * Puts a case together for the reviewer's screen, in Chinese: the declaration beside each source's answer,
 * the category and its reason, what is pending, the decisions and the history. Identity numbers are masked; a
 * record's values appear only where they differ from what the family typed, or as the fields filled from them.
 */
public final class CaseDetails {

    private CaseDetails() {}

    /**
     * @param declaration the declaration, if it could be read under the case's plan
     * @param latest      the latest verification's result, if the case was checked
     * @param decidable   whether the caller may decide the case now
     */
    public static CaseDetail of(
            EnrollmentCase c,
            Optional<Declaration> declaration,
            Optional<VerificationResult> latest,
            List<ReviewDecision> decisions,
            Map<String, ReviewReason> reasons,
            boolean decidable) {
        List<CaseDetail.Person> people = new ArrayList<>();
        declaration.ifPresent(d -> {
            people.add(person(d.child()));
            d.adults().forEach(p -> people.add(person(p)));
        });
        List<CaseDetail.SourceLine> evidence = new ArrayList<>();
        List<CaseDetail.Filled> filled = new ArrayList<>();
        List<CaseDetail.Pending> pending = new ArrayList<>();
        String categoryReason = null;
        List<String> notes = List.of();
        if (latest.isPresent()) {
            VerificationResult r = latest.get();
            r.evidence().forEach(e -> evidence.add(line(e)));
            r.filled()
                    .values()
                    .forEach((field, value) -> filled.add(
                            new CaseDetail.Filled(text("verification.filled." + field.name()), String.valueOf(value))));
            r.offlineChecks().forEach(o -> pending.add(pending(o)));
            categoryReason = r.category().reason().render(null);
            notes = r.category().notes().stream().map(n -> n.render(null)).toList();
        }
        List<CaseDetail.Decision> shown = decisions.stream()
                .map(d -> new CaseDetail.Decision(
                        d.decidedAt(),
                        d.actor(),
                        text("review.decision." + d.decision().name()),
                        d.reasonCode() == null
                                ? null
                                : Optional.ofNullable(reasons.get(d.reasonCode()))
                                        .map(ReviewReason::label)
                                        .orElse(d.reasonCode()),
                        d.comment(),
                        proofLabels(d.proofs()),
                        d.deadline()))
                .toList();
        List<CaseDetail.Step> history =
                c.history().stream().map(CaseDetails::step).toList();
        return new CaseDetail(
                c.caseNumber(),
                c.version(),
                c.status(),
                c.status().label(),
                c.stage().label(),
                text("review.type." + c.type().name()),
                text("review.channel." + c.channel().name()),
                c.county().value(),
                c.zoneCode(),
                c.childName(),
                c.childId().masked(),
                declaration.map(d -> d.home().line()).orElse(null),
                people,
                c.category() == null ? text("review.no-category") : text("verification.category-name." + c.category()),
                c.categoryConfirmed(),
                categoryReason,
                notes,
                evidence,
                filled,
                pending,
                shown,
                history,
                c.reviewer(),
                c.proofDeadline(),
                c.submittedAt(),
                fullyConfirmed(c),
                decidable);
    }

    /** Whether the sources confirmed everything: checked at least once, category confirmed, no source failed. */
    public static boolean fullyConfirmed(EnrollmentCase c) {
        return c.verificationCount() > 0
                && c.categoryConfirmed()
                && c.failedSources().isEmpty();
    }

    /** The proofs of a stored decision ("HUKOU_BOOKLET,RENTAL_CONTRACT") in words. */
    static String proofLabels(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String p : stored.split(",")) {
            names.add(Proof.valueOf(p).label().render(null));
        }
        return String.join("、", names);
    }

    private static CaseDetail.Person person(DeclaredPerson p) {
        return new CaseDetail.Person(
                p.name(), NationalId.of(p.idNumber()).masked(), text("verification.relation." + p.relation()));
    }

    private static CaseDetail.SourceLine line(Evidence e) {
        List<CaseDetail.Comparison> differences =
                e.mismatches().stream().map(CaseDetails::comparison).toList();
        return new CaseDetail.SourceLine(
                text("verification.source." + e.source().name()),
                NationalId.of(e.subjectIdNumber()).masked(),
                text("verification.relation." + e.subjectRelation()),
                text("review.outcome." + e.outcome().name()),
                e.outcome() == CheckOutcome.MATCHED,
                differences,
                e.fieldsUsed().stream().collect(Collectors.joining("、")),
                e.findings().stream().map(f -> f.render(null)).toList(),
                e.answer() == null ? null : e.answer().askedAt(),
                e.answer() == null || e.answer().latency() == null
                        ? 0
                        : e.answer().latency().toMillis());
    }

    private static CaseDetail.Comparison comparison(FieldMismatch m) {
        return new CaseDetail.Comparison(m.label().render(null), m.typed(), m.recorded());
    }

    private static CaseDetail.Pending pending(OfflineCheck o) {
        return new CaseDetail.Pending(
                o.sourceConcerned()
                        .map(s -> text("verification.source." + s.name()))
                        .orElse(null),
                o.proof().label().render(null),
                o.reason().render(null),
                o.action().render(null));
    }

    private static CaseDetail.Step step(CaseTransition t) {
        return new CaseDetail.Step(
                t.occurredAt(), t.actor(), t.from() == null ? null : t.from().label(), t.to().label(), note(t.note()));
    }

    /**
     * A history note as people read it: the verification steps record which check ran (FIRST, AGAIN, RESUME) and
     * why an automatic check ended as a message key; decisions and withdrawals record their own Chinese text.
     */
    static String note(String note) {
        if (note == null) {
            return null;
        }
        if (note.matches("FIRST|AGAIN|RESUME")) {
            return text("case.check." + note);
        }
        if (note.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+")) {
            return text(note);
        }
        return note;
    }

    private static String text(String key) {
        return Messages.format(Messages.DEFAULT_LOCALE, key);
    }
}
