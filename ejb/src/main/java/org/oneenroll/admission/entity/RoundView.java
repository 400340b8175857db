package org.oneenroll.admission.entity;

import java.io.Serializable;
import java.time.Instant;
import org.oneenroll.policy.entity.Stage;

/** An admission round as the console shows it (no file contents: those are downloaded on their own). */
public record RoundView(
        long id,
        String countyCode,
        int year,
        Stage stage,
        int roundNumber,
        String planReference,
        RoundStatus status,
        int childCount,
        String inputSha256,
        String preparedBy,
        Instant preparedAt,
        String seedHex,
        String seedEnteredBy,
        Instant seedEnteredAt,
        String resultSha256,
        Integer admitted,
        Integer reallocated,
        Integer unplaced,
        String publishedBy,
        Instant publishedAt,
        String cancelReason)
        implements Serializable {

    public static RoundView of(AdmissionRound r) {
        return new RoundView(
                r.id(),
                r.county().value(),
                r.year(),
                r.stage(),
                r.roundNumber(),
                r.planReference(),
                r.status(),
                r.childCount(),
                r.inputSha256(),
                r.preparedBy(),
                r.preparedAt(),
                r.seedHex(),
                r.seedEnteredBy(),
                r.seedEnteredAt(),
                r.resultSha256(),
                r.admitted(),
                r.reallocated(),
                r.unplaced(),
                r.publishedBy(),
                r.publishedAt(),
                r.cancelReason());
    }

    /** The name of the downloadable input file. */
    public String inputFileName() {
        return "admission-input-" + countyCode + "-" + year + "-" + stage + "-" + roundNumber + ".txt";
    }

    /** The name of the downloadable result file. */
    public String resultFileName() {
        return "admission-result-" + countyCode + "-" + year + "-" + stage + "-" + roundNumber + ".txt";
    }
}
