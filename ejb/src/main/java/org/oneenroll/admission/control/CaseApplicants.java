package org.oneenroll.admission.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;

/**
 * Turns approved cases into the engine's applicants: the case number as the child's reference, the category the
 * review confirmed, the case's zone when the plan's stage has it (else none: the child is followed up), points for
 * migrant children only, and the schools the family chose in the wizard (private schools), after which the engine
 * applies for the zone school; a child without choices applies to the zone school alone.
 */
public final class CaseApplicants {

    /** What an approved case contributes. */
    public record ApprovedCase(String caseNumber, FamilyCategory category, String zoneCode, List<String> choices) {

        public ApprovedCase {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        /** A case whose family chose no school. */
        public ApprovedCase(String caseNumber, FamilyCategory category, String zoneCode) {
            this(caseNumber, category, zoneCode, List.of());
        }
    }

    private final Set<String> planZones;
    private final ToIntFunction<String> migrantPoints;

    /**
     * @param planZones     the zone codes of the plan's stage
     * @param migrantPoints a migrant child's points by case number (asked only for migrant children)
     */
    public CaseApplicants(Set<String> planZones, ToIntFunction<String> migrantPoints) {
        this.planZones = Set.copyOf(planZones);
        this.migrantPoints = migrantPoints;
    }

    /**
     * @throws InvalidValueException for an approved case without a category
     */
    public List<Applicant> of(Collection<ApprovedCase> approved) {
        List<Applicant> applicants = new ArrayList<>(approved.size());
        for (ApprovedCase c : approved) {
            if (c.category() == null) {
                throw new InvalidValueException("round", "admission.case-no-category", c.caseNumber());
            }
            int points = c.category() == FamilyCategory.MIGRANT ? migrantPoints.applyAsInt(c.caseNumber()) : 0;
            // A zone the plan does not know (redrawn since the check) counts as none: the child is followed up.
            String zone = c.zoneCode() != null && planZones.contains(c.zoneCode()) ? c.zoneCode() : null;
            applicants.add(new Applicant(c.caseNumber(), c.category(), points, zone, c.choices()));
        }
        return applicants;
    }
}
