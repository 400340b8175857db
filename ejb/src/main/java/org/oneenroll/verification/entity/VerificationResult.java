package org.oneenroll.verification.entity;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one verification of a case yields for reviewers and parents: the evidence lines, the fields
 * filled from records, the derived category and, when the sources could not confirm the case, what to do.
 */
public record VerificationResult(
        VerificationStatus status,
        List<Evidence> evidence,
        FilledFields filled,
        CategoryFinding category,
        List<OfflineCheck> offlineChecks) {

    public VerificationResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filled, "filled");
        Objects.requireNonNull(category, "category");
        evidence = List.copyOf(evidence);
        offlineChecks = List.copyOf(offlineChecks);
        if ((status == VerificationStatus.VERIFIED) != (offlineChecks.isEmpty() && category.confirmed())) {
            throw new IllegalArgumentException("verified exactly when a category is confirmed and nothing is pending");
        }
    }

    /** The evidence lines of one source (one per person asked). */
    public List<Evidence> evidence(GovernmentSource source) {
        return evidence.stream().filter(e -> e.source() == source).toList();
    }

    /** The sources named by offline checks. */
    public Set<GovernmentSource> offlineSources() {
        return offlineChecks.stream()
                .filter(c -> c.source() != null)
                .map(OfflineCheck::source)
                .collect(Collectors.toSet());
    }
}
