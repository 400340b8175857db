package org.oneenroll.admission.entity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;

/**
 * One approved case as an admission run sees it: the child's reference (a case or pseudonymous number, never
 * an ID number), the verified family category, the points (counted in the migrant tier), the home zone
 * ({@code null} when the family lives in no zone) and the ordered school choices (may be empty).
 */
public record Applicant(String childRef, FamilyCategory category, int points, String homeZone, List<String> choices) {

    /** Points are integers (a scheme with half points counts tenths); the bound keeps the priority in one long. */
    public static final int MAX_POINTS = (1 << 24) - 1;

    public Applicant {
        Codes.childRef("childRef", childRef);
        Objects.requireNonNull(category, "category");
        if (points < 0 || points > MAX_POINTS) {
            throw new InvalidValueException("points", "admission.child.points", childRef, points, MAX_POINTS);
        }
        if (homeZone != null) {
            Codes.token("homeZone", "admission.code.zone", homeZone);
        }
        choices = List.copyOf(choices);
        Set<String> seen = new HashSet<>();
        for (String school : choices) {
            Codes.token("choices", "admission.code.school", school);
            if (!seen.add(school)) {
                throw new InvalidValueException("choices", "admission.child.choice-twice", childRef, school);
            }
        }
    }
}
