package org.oneenroll.review.entity;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oneenroll.intake.entity.CaseStatus;

/**
 * A case as a reviewer sees it, in Chinese and with identity numbers masked: what the family declared beside
 * what each source answered, the category the records support and why, what could not be confirmed and the
 * proof that would settle it, the decisions so far and the full history. {@code version} is what a decision
 * must carry; {@code decidable} says whether the caller may decide it now.
 */
public record CaseDetail(
        String caseNumber,
        long version,
        CaseStatus status,
        String statusLabel,
        String stage,
        String type,
        String channel,
        String countyCode,
        String zoneCode,
        String childName,
        String childIdMasked,
        String home,
        List<Person> people,
        String category,
        boolean categoryConfirmed,
        String categoryReason,
        List<String> categoryNotes,
        List<SourceLine> evidence,
        List<Filled> filled,
        List<Pending> pending,
        List<Decision> decisions,
        List<Step> history,
        String reviewer,
        LocalDate proofDeadline,
        Instant submittedAt,
        boolean fullyConfirmed,
        boolean decidable)
        implements Serializable {

    public CaseDetail {
        people = List.copyOf(people);
        categoryNotes = List.copyOf(categoryNotes);
        evidence = List.copyOf(evidence);
        filled = List.copyOf(filled);
        pending = List.copyOf(pending);
        decisions = List.copyOf(decisions);
        history = List.copyOf(history);
    }

    /** A declared person: name as typed, masked number, relation to the child. */
    public record Person(String name, String idMasked, String relation) implements Serializable {}

    /**
     * What one source answered about one person, beside what the family typed: for each field that differs, the
     * typed and the recorded value; the fields compared; what the rules noticed.
     */
    public record SourceLine(
            String source,
            String subjectMasked,
            String relation,
            String outcome,
            boolean confirmed,
            List<Comparison> differences,
            String fieldsCompared,
            List<String> findings,
            Instant askedAt,
            long latencyMs)
            implements Serializable {

        public SourceLine {
            differences = List.copyOf(differences);
            findings = List.copyOf(findings);
        }
    }

    /** One field: as typed, as recorded. */
    public record Comparison(String field, String typed, String recorded) implements Serializable {}

    /** A field filled from the records (the family did not type it). */
    public record Filled(String field, String value) implements Serializable {}

    /** Something the sources could not confirm, why, and the proof that settles it (补充材料). */
    public record Pending(String source, String proof, String reason, String action) implements Serializable {}

    /** A decision taken on the case. */
    public record Decision(
            Instant at, String actor, String kind, String reason, String comment, String proofs, LocalDate deadline)
            implements Serializable {}

    /** One step of the history. */
    public record Step(Instant at, String actor, String from, String to, String note) implements Serializable {}
}
