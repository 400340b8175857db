package org.oneenroll.verification.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.FieldMismatch;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.MessageRef;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.Relation;

/**
 * What a case needs when the sources cannot confirm it (seed 003: 核验未通过的，线上告知申请人前往招生服务点; seed
 * 002/003: re-upload or offline check): one line per source and reason, each with its next action. An outage
 * asks for a re-check or the proof, a missing record for the proof uploaded or brought, a mismatch names the
 * field to correct.
 */
final class OfflineChecks {

    static final String REASON_SOURCE_ERROR = "verification.reason.source-error";
    static final String REASON_NO_RECORD = "verification.reason.no-record";
    static final String REASON_MISMATCH = "verification.reason.mismatch";
    static final String REASON_NOT_SHARED = "verification.reason.not-shared";
    static final String REASON_NOT_ASKED = "verification.reason.not-asked";
    static final String REASON_CERTIFICATE = "verification.reason.certificate-not-found";
    static final String ACTION_RECHECK = "verification.action.recheck-or-upload";
    static final String ACTION_UPLOAD_OR_BRING = "verification.action.upload-or-bring";
    static final String ACTION_UPLOAD = "verification.action.upload";
    static final String ACTION_CORRECT = "verification.action.correct-or-upload";
    static final String ACTION_COUNTER = "verification.action.counter";

    private OfflineChecks() {}

    static MessageRef recheckOrUpload(Proof proof) {
        return MessageRef.of(ACTION_RECHECK, proof.label());
    }

    static MessageRef uploadOrBring(Proof proof) {
        return MessageRef.of(ACTION_UPLOAD_OR_BRING, proof.label());
    }

    static MessageRef upload(Proof proof) {
        return MessageRef.of(ACTION_UPLOAD, proof.label());
    }

    static MessageRef counter(Proof proof) {
        return MessageRef.of(ACTION_COUNTER, proof.label());
    }

    static List<OfflineCheck> assemble(
            Declaration declaration, List<Evidence> evidence, Facts facts, CategoryRules.Judgement judgement) {
        Map<String, OfflineCheck> checks = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            for (FieldMismatch m : e.mismatches()) {
                Proof proof = Proof.of(e.source());
                add(
                        checks,
                        new OfflineCheck(
                                e.source(),
                                proof,
                                MessageRef.of(
                                        REASON_MISMATCH,
                                        CategoryRules.sourceName(e.source()),
                                        m.label(),
                                        m.typed(),
                                        m.recorded()),
                                MessageRef.of(ACTION_CORRECT, m.label(), proof.label())));
            }
            if (essential(declaration, e)) {
                Proof proof = Proof.of(e.source());
                if (e.outcome() == CheckOutcome.SOURCE_ERROR) {
                    add(checks, errorCheck(e.source()));
                } else if (e.outcome() == CheckOutcome.NO_RECORD) {
                    String name = declaration
                            .person(e.subjectIdNumber())
                            .map(p -> p.name())
                            .orElse("");
                    add(
                            checks,
                            new OfflineCheck(
                                    e.source(),
                                    proof,
                                    MessageRef.of(REASON_NO_RECORD, CategoryRules.sourceName(e.source()), name),
                                    uploadOrBring(proof)));
                }
            }
        }
        typedCertificate(declaration, evidence, facts).ifPresent(c -> add(checks, c));
        for (GovernmentSource s : judgement.blockers()) {
            if (facts.errored.contains(s)) {
                add(checks, errorCheck(s));
            } else if (!facts.asked.contains(s)) {
                Proof proof = Proof.of(s);
                add(
                        checks,
                        new OfflineCheck(
                                s,
                                proof,
                                MessageRef.of(
                                        declaration.plan().shares(s) ? REASON_NOT_ASKED : REASON_NOT_SHARED,
                                        CategoryRules.sourceName(s)),
                                upload(proof)));
            }
        }
        judgement.checks().forEach(c -> add(checks, c));
        return List.copyOf(checks.values());
    }

    private static OfflineCheck errorCheck(GovernmentSource source) {
        Proof proof = Proof.of(source);
        return new OfflineCheck(
                source,
                proof,
                MessageRef.of(REASON_SOURCE_ERROR, CategoryRules.sourceName(source)),
                recheckOrUpload(proof));
    }

    /**
     * Records every case needs whatever its category: the child's hukou and birth certificate, and the permit a
     * guardian typed on the form.
     */
    private static boolean essential(Declaration declaration, Evidence e) {
        return switch (e.source()) {
            case HUKOU, BIRTH_CERTIFICATE -> e.subjectRelation() == Relation.CHILD;
            case RESIDENCE_PERMIT -> declaration.permitOf(e.subjectIdNumber()).isPresent();
            default -> false;
        };
    }

    /** A typed 产权证编号 that no title answered with, when every title question was answered. */
    private static Optional<OfflineCheck> typedCertificate(
            Declaration declaration, List<Evidence> evidence, Facts facts) {
        String typed = declaration.certificateNumber();
        List<Evidence> titles = new ArrayList<>();
        evidence.stream()
                .filter(e -> e.source() == GovernmentSource.REAL_ESTATE_TITLE)
                .forEach(titles::add);
        if (typed == null
                || titles.isEmpty()
                || facts.errored.contains(GovernmentSource.REAL_ESTATE_TITLE)
                || titles.stream().anyMatch(e -> e.outcome() != CheckOutcome.NO_RECORD)) {
            return Optional.empty();
        }
        return Optional.of(new OfflineCheck(
                GovernmentSource.REAL_ESTATE_TITLE,
                Proof.PROPERTY_TITLE,
                MessageRef.of(REASON_CERTIFICATE, typed),
                uploadOrBring(Proof.PROPERTY_TITLE)));
    }

    private static void add(Map<String, OfflineCheck> checks, OfflineCheck check) {
        checks.putIfAbsent(check.source() + "|" + check.reason(), check);
    }
}
