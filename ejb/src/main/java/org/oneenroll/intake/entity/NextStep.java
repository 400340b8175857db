package org.oneenroll.intake.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a family does next with its case, in Chinese: a headline, the details (what, by when, where) and the one
 * thing to do on the application page, if any.
 */
public record NextStep(String headline, List<String> details, Action action) implements Serializable {

    /** What the family does on the application page ({@code /parent/apply.xhtml?number=...}). */
    public enum Action {
        NONE,
        /** Upload the proofs the details name. */
        UPLOAD,
        /** Give the guardian's authorisation, so the sources may be asked. */
        AUTHORISE
    }

    public NextStep {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(action, "action");
        details = List.copyOf(details);
    }
}
