package org.oneenroll.policy.entity;

import java.io.Serializable;
import java.util.List;

/**
 * What the checks found in a plan: errors keep it from being published, warnings are for the officer to weigh.
 *
 * @param changes for a correction, what it changes against the published revision (empty for a first revision)
 */
public record PlanCheckReport(List<PlanFinding> errors, List<PlanFinding> warnings, List<String> changes)
        implements Serializable {

    public PlanCheckReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        changes = List.copyOf(changes);
    }

    public boolean publishable() {
        return errors.isEmpty();
    }

    /** Whether a finding of the rule is among the errors. */
    public boolean refuses(String rule) {
        return errors.stream().anyMatch(f -> f.rule().equals(rule));
    }

    /** Whether a finding of the rule is among the warnings. */
    public boolean warns(String rule) {
        return warnings.stream().anyMatch(f -> f.rule().equals(rule));
    }
}
