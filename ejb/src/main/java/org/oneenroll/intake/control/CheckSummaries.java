package org.oneenroll.intake.control;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneenroll.intake.entity.CheckState;
import org.oneenroll.intake.entity.FamilyCase.SourceCheck;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.FieldMismatch;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.VerificationResult;

/**
 * What the latest check found, source by source, in words a family reads: confirmed, not confirmed, could not be
 * asked, or no record that matters. Nothing of a record's contents is shown: for a difference only the names of the
 * fields that differ, and for a source that did not confirm what to do (upload, bring, re-check).
 */
public final class CheckSummaries {

    private CheckSummaries() {}

    /** One line per source the check asked or named, in the sources' order; a line for the category if needed. */
    public static List<SourceCheck> of(VerificationResult result) {
        Map<GovernmentSource, List<Evidence>> bySource = new EnumMap<>(GovernmentSource.class);
        result.evidence().forEach(e -> bySource.computeIfAbsent(e.source(), s -> new ArrayList<>())
                .add(e));
        Map<GovernmentSource, Set<String>> actions = new EnumMap<>(GovernmentSource.class);
        Set<String> general = new LinkedHashSet<>();
        for (OfflineCheck o : result.offlineChecks()) {
            String action = o.action().render(null);
            o.sourceConcerned()
                    .ifPresentOrElse(
                            s -> actions.computeIfAbsent(s, x -> new LinkedHashSet<>())
                                    .add(action),
                            () -> general.add(action));
        }
        List<SourceCheck> lines = new ArrayList<>();
        for (GovernmentSource source : GovernmentSource.values()) {
            List<Evidence> evidence = bySource.getOrDefault(source, List.of());
            Set<String> todo = actions.getOrDefault(source, Set.of());
            if (evidence.isEmpty() && todo.isEmpty()) {
                continue;
            }
            CheckState state = state(evidence, !todo.isEmpty());
            List<String> details = new ArrayList<>();
            Set<String> differing = new LinkedHashSet<>();
            evidence.stream()
                    .flatMap(e -> e.mismatches().stream())
                    .map(FieldMismatch::label)
                    .forEach(l -> differing.add(l.render(null)));
            if (!differing.isEmpty()) {
                details.add(text("family.check.differs", String.join("、", differing)));
            }
            details.addAll(todo);
            lines.add(new SourceCheck(
                    text("verification.source." + source.name()),
                    state,
                    text("family.check." + state.name()),
                    details));
        }
        if (!general.isEmpty()) {
            lines.add(new SourceCheck(
                    text("family.check.category"),
                    CheckState.NOT_CONFIRMED,
                    text("family.check." + CheckState.NOT_CONFIRMED.name()),
                    List.copyOf(general)));
        }
        return lines;
    }

    /** The proofs the check could not replace, by name, each once: what the family brings or uploads. */
    public static List<String> pendingProofs(VerificationResult result) {
        Set<String> proofs = new LinkedHashSet<>();
        result.offlineChecks().forEach(o -> proofs.add(o.proof().label().render(null)));
        return List.copyOf(proofs);
    }

    /**
     * A source that could not answer (for anyone asked) counts as unavailable, whatever the others said; a named
     * offline check or a differing field means not confirmed; all answers agreeing means confirmed; what is left is
     * a source with no record that the application did not need.
     */
    static CheckState state(List<Evidence> evidence, boolean named) {
        if (evidence.stream().anyMatch(e -> e.outcome() == CheckOutcome.SOURCE_ERROR)) {
            return CheckState.UNAVAILABLE;
        }
        if (named || evidence.stream().anyMatch(e -> e.outcome() == CheckOutcome.MISMATCH)) {
            return CheckState.NOT_CONFIRMED;
        }
        if (!evidence.isEmpty() && evidence.stream().allMatch(e -> e.outcome() == CheckOutcome.MATCHED)) {
            return CheckState.CONFIRMED;
        }
        return CheckState.NOT_NEEDED;
    }

    private static String text(String key, Object... args) {
        return Messages.format(Messages.DEFAULT_LOCALE, key, args);
    }
}
