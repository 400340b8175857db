package org.oneenroll.admission;

import java.util.List;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.policy.entity.FamilyCategory;

/** Builds the children of scenario tests in the words a county officer would use. */
public final class Applicants {

    /** A seed as the ceremony would produce it (256 bits). */
    public static final LotterySeed SEED =
            LotterySeed.parse("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    /** The usual order of family categories in a county plan (seed 001). */
    public static final List<FamilyCategory> USUAL_ORDER = List.of(
            FamilyCategory.PREFERENTIAL,
            FamilyCategory.HOUSE_AND_HUKOU,
            FamilyCategory.HOUSE_ONLY,
            FamilyCategory.HUKOU_ONLY_RELATIVE,
            FamilyCategory.HUKOU_ONLY_RENTING,
            FamilyCategory.MIGRANT);

    private Applicants() {}

    public static Applicant child(String ref, FamilyCategory category, String zone, String... choices) {
        return new Applicant(ref, category, 0, zone, List.of(choices));
    }

    public static Applicant houseAndHukou(String ref, String zone, String... choices) {
        return child(ref, FamilyCategory.HOUSE_AND_HUKOU, zone, choices);
    }

    public static Applicant migrant(String ref, int points, String zone, String... choices) {
        return new Applicant(ref, FamilyCategory.MIGRANT, points, zone, List.of(choices));
    }

    /** The n-th of a row of distinct seeds, for tests that need a draw going one way or the other. */
    public static LotterySeed seed(int n) {
        return LotterySeed.parse(String.format("%032x", 0x5eed_0000L + n));
    }
}
