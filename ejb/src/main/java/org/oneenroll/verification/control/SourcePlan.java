package org.oneenroll.verification.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * Whom to ask which source for a declaration: only the sources its application type needs and its province
 * shares, each about the people whose records it holds.
 * <ul>
 * <li>both types: hukou and birth certificate of the child (identity, hukou place, parentage), real-estate
 * title, purchase contract and rental registration of every declared adult (a home may be in either parent's or
 * a grandparent's name), social insurance of the guardians (seed 000 附件1 and 附件2 both show 社保缴费信息);</li>
 * <li>local only: affordable housing (有户无房 families live in public housing; seed 004);</li>
 * <li>non-local only: residence permit (seed 001 附件3 备注: "具有本县户籍者不需提供") and the two business licences
 * (the self-employed migrant's alternative to social insurance) of the guardians.</li>
 * </ul>
 * Marriage is never asked: the birth certificate already ties each declared parent to the child, and no category
 * rule turns on a marriage, so asking would fetch personal data no decision uses.
 */
public final class SourcePlan {

    private static final Set<GovernmentSource> BOTH = EnumSet.of(
            GovernmentSource.HUKOU,
            GovernmentSource.BIRTH_CERTIFICATE,
            GovernmentSource.REAL_ESTATE_TITLE,
            GovernmentSource.PURCHASE_CONTRACT,
            GovernmentSource.RENTAL_REGISTRATION,
            GovernmentSource.SOCIAL_INSURANCE);
    private static final Set<GovernmentSource> LOCAL_ONLY = EnumSet.of(GovernmentSource.AFFORDABLE_HOUSING);
    private static final Set<GovernmentSource> NON_LOCAL_ONLY = EnumSet.of(
            GovernmentSource.RESIDENCE_PERMIT,
            GovernmentSource.INDIVIDUAL_BUSINESS_LICENCE,
            GovernmentSource.ENTERPRISE_LICENCE);

    private SourcePlan() {}

    /** The sources an application type needs, whatever the province shares. */
    public static Set<GovernmentSource> needed(ApplicationType type) {
        EnumSet<GovernmentSource> out = EnumSet.copyOf(BOTH);
        out.addAll(type == ApplicationType.LOCAL ? LOCAL_ONLY : NON_LOCAL_ONLY);
        return out;
    }

    /** The questions for one verification, in source order, each person once per source. */
    public static List<Question> questions(Declaration declaration) {
        List<Question> out = new ArrayList<>();
        for (GovernmentSource source : needed(declaration.type())) {
            if (!declaration.plan().shares(source)) {
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            for (DeclaredPerson p : subjects(declaration, source)) {
                ids.add(p.idNumber());
            }
            ids.forEach(id -> out.add(new Question(source, id)));
        }
        return List.copyOf(out);
    }

    private static List<DeclaredPerson> subjects(Declaration d, GovernmentSource source) {
        return switch (source) {
            case HUKOU, BIRTH_CERTIFICATE -> List.of(d.child());
            case RESIDENCE_PERMIT, SOCIAL_INSURANCE, INDIVIDUAL_BUSINESS_LICENCE, ENTERPRISE_LICENCE, MARRIAGE -> d
                    .guardians();
            case REAL_ESTATE_TITLE, PURCHASE_CONTRACT, RENTAL_REGISTRATION, AFFORDABLE_HOUSING -> d.adults();
        };
    }
}
