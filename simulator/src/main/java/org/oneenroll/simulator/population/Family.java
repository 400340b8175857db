package org.oneenroll.simulator.population;

import java.util.List;
import java.util.Optional;

/**
 * One generated family: its people, where it lives, what every government source holds about it and which
 * faults were injected. Regenerated identically from the population seed and {@code index}.
 *
 * @param index        position in the population, 0-based
 * @param scenario     the housing/hukou situation it was built for
 * @param preferential 享受优抚政策情况
 * @param adults       parents and grandparents; guardians first, the first guardian applies
 * @param children     applicants and younger siblings
 * @param home         现居住地址
 * @param records      the government records of all eleven sources
 * @param defects      faults injected into the records (empty for a clean family)
 */
public record Family(
        long index,
        FamilyScenario scenario,
        PreferentialKind preferential,
        List<Adult> adults,
        List<Child> children,
        HomeAddress home,
        GovRecords records,
        List<Defect> defects) {

    /** The guardians (1 or 2), the applying guardian first. */
    public List<Adult> guardians() {
        return adults.stream().filter(Adult::guardian).toList();
    }

    /** The children applying this year (one per stage at most). */
    public List<Child> applicants() {
        return children.stream().filter(c -> c.role().stage() != null).toList();
    }

    /** The applicant for {@code stage}, if the family has one. */
    public Optional<Child> applicant(Stage stage) {
        return children.stream().filter(c -> c.role().stage() == stage).findFirst();
    }

    /** The parent with this kinship ({@link Kinship#FATHER} or {@link Kinship#MOTHER}); every family has both. */
    public Person parent(Kinship kinship) {
        return adults.stream()
                .filter(a -> a.kinship() == kinship)
                .findFirst()
                .orElseThrow()
                .person();
    }

    /** Whether a fault of this kind was injected. */
    public boolean hasDefect(DefectKind kind) {
        return defects.stream().anyMatch(d -> d.kind() == kind);
    }
}
