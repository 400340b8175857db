package org.oneenroll.verification.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing the sources could not confirm and what the family does about it: why (the reason) and the next
 * action (re-check later, upload a proof, bring it to the counter), both as messages.
 *
 * @param source the source concerned, or {@code null} when no single source is (no category fits the records)
 */
public record OfflineCheck(GovernmentSource source, Proof proof, MessageRef reason, MessageRef action) {

    public OfflineCheck {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(action, "action");
    }

    public Optional<GovernmentSource> sourceConcerned() {
        return Optional.ofNullable(source);
    }
}
