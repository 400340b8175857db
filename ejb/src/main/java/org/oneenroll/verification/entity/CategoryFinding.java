package org.oneenroll.verification.entity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.oneenroll.policy.entity.FamilyCategory;

/**
 * The family category derived from the records (never typed), with the reason in words. A category may be
 * present but not confirmed: a claimed preferential status awaiting its proof, or a category the answered
 * sources support while a source that could change it did not answer.
 *
 * @param category the category, or {@code null} when the records support none
 * @param zone     the zone the category rests on (the property's, the hukou's or the residence's), or {@code null}
 * @param basis    the sources the category rests on
 * @param notes    further observations: homes outside every zone or the county, a category the records would give
 *                 if a preferential claim fails, a source whose silence could change the result
 */
public record CategoryFinding(
        FamilyCategory category,
        boolean confirmed,
        ZoneUnits zone,
        Set<GovernmentSource> basis,
        MessageRef reason,
        List<MessageRef> notes) {

    public CategoryFinding {
        Objects.requireNonNull(reason, "reason");
        basis = Set.copyOf(basis);
        notes = List.copyOf(notes);
        if (confirmed && category == null) {
            throw new IllegalArgumentException("no category cannot be confirmed");
        }
    }

    public Optional<FamilyCategory> derived() {
        return Optional.ofNullable(category);
    }

    public Optional<ZoneUnits> zoneConcerned() {
        return Optional.ofNullable(zone);
    }

    /** Whether the reason or a note has this message key. */
    public boolean says(String key) {
        return reason.key().equals(key) || notes.stream().anyMatch(n -> n.key().equals(key));
    }
}
