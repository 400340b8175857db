package org.oneenroll.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.entity.ReviewScope;

/**
 * Derives the caller's {@link ReviewScope} from their staff account on every call (a changed or deactivated
 * account takes effect at once), and finds the zones a school serves.
 */
@ApplicationScoped
public class Scopes {

    @PersistenceContext
    EntityManager em;

    /**
     * The scope of the signed-in staff member.
     *
     * @throws InvalidValueException for an unknown or inactive account, or one whose roles give no such scope
     */
    public ReviewScope of(String username, ReviewScope.Purpose purpose) {
        StaffAccount account = em.createNamedQuery(StaffAccount.BY_USERNAME, StaffAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .filter(StaffAccount::active)
                .orElseThrow(() -> new InvalidValueException("scope", "review.scope.none", username));
        List<String> zones = account.schoolCode() == null ? List.of() : zonesOf(account.schoolCode());
        return ReviewScope.of(
                account.username(), account.roles(), account.region(), account.schoolCode(), zones, purpose);
    }

    /** The zones {@code schoolCode} serves (none for an unknown school). */
    public List<String> zonesOf(String schoolCode) {
        return em.createQuery(
                        "select z.code from CatchmentZone z join z.schools s where s.code = :school"
                                + " order by z.code",
                        String.class)
                .setParameter("school", schoolCode)
                .getResultList();
    }
}
