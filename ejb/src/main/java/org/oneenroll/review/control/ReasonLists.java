package org.oneenroll.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oneenroll.review.entity.ReviewReason;

/**
 * Which rejection reasons a county's reviewers choose from: the county's own list once its administrator changed
 * it, else the province's starting list. Before a change, the county's list is locked (and copied from the starting
 * list the first time), so two administrators' changes apply one after the other.
 */
@ApplicationScoped
public class ReasonLists {

    @PersistenceContext
    EntityManager em;

    /** The county's reasons in order, deactivated ones included. */
    public List<ReviewReason> of(String county) {
        List<ReviewReason> own = em.createNamedQuery(ReviewReason.OF_COUNTY, ReviewReason.class)
                .setParameter("county", county)
                .getResultList();
        return own.isEmpty() ? startingList(LockModeType.NONE) : own;
    }

    /** A reason on the county's list (by its code), whether active or not. */
    public Optional<ReviewReason> find(String county, String code) {
        return of(county).stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /**
     * The county's own list, locked for this transaction, ready to change: copied from the starting list if the
     * county has none yet (the starting list is locked meanwhile, so two first changes cannot both copy it).
     */
    public List<ReviewReason> forChange(String county, String actor, Instant at) {
        List<ReviewReason> own = ownLocked(county);
        if (!own.isEmpty()) {
            return own;
        }
        List<ReviewReason> starting = startingList(LockModeType.PESSIMISTIC_WRITE);
        own = ownLocked(county);
        if (!own.isEmpty()) {
            return own;
        }
        for (ReviewReason r : starting) {
            em.persist(r.copyFor(county, actor, at));
        }
        em.flush();
        return ownLocked(county);
    }

    /** How many decisions name the reason. */
    public long uses(String code) {
        return em.createNamedQuery(ReviewReason.USES, Long.class)
                .setParameter("code", code)
                .getSingleResult();
    }

    /**
     * The number of the next reason the county adds (its code is {@code <county>-R<number>}): one more than the
     * highest so far. Asked with the county's list locked ({@link #forChange}), so no two additions get the same.
     */
    public static long nextNumber(String county, List<ReviewReason> own) {
        String prefix = county + "-R";
        long highest = 0;
        for (ReviewReason r : own) {
            String rest = r.code().startsWith(prefix) ? r.code().substring(prefix.length()) : "";
            if (!rest.isEmpty() && rest.chars().allMatch(Character::isDigit) && rest.length() < 10) {
                highest = Math.max(highest, Long.parseLong(rest));
            }
        }
        return highest + 1;
    }

    private List<ReviewReason> ownLocked(String county) {
        return em.createNamedQuery(ReviewReason.OF_COUNTY, ReviewReason.class)
                .setParameter("county", county)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private List<ReviewReason> startingList(LockModeType lock) {
        return em.createNamedQuery(ReviewReason.STARTING_LIST, ReviewReason.class)
                .setLockMode(lock)
                .getResultList();
    }
}
