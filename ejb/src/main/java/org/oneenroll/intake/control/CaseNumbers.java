package org.oneenroll.intake.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.entity.CaseCounter;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.policy.entity.Stage;

/**
 * Hands out case numbers without gaps in normal operation: the counter row of the county, year and stage is
 * locked for the rest of the submitting transaction, so two submissions never get the same number (a
 * rolled-back submission gives its number back).
 */
@Stateless
public class CaseNumbers {

    @PersistenceContext
    EntityManager em;

    /** The next number; call inside the transaction that persists the case. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public CaseNumber next(RegionCode county, int year, Stage stage) {
        String key = CaseNumber.counterKey(county, year, stage);
        CaseCounter counter = em.find(CaseCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            throw new IllegalStateException("no case counter " + key + ": call ensureCounter first");
        }
        return new CaseNumber(county, year, stage, counter.take());
    }

    /** Creates the counter of the county, year and stage if it is missing (its own transaction: a race is harmless). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensureCounter(RegionCode county, int year, Stage stage) {
        String key = CaseNumber.counterKey(county, year, stage);
        if (em.find(CaseCounter.class, key) == null) {
            try {
                em.persist(new CaseCounter(key));
                em.flush();
            } catch (PersistenceException raced) {
                // Another submission created it first; this transaction rolls back and theirs stands.
                throw new CounterRace(key);
            }
        }
    }

    /** Another node created the counter at the same moment; harmless, the caller carries on. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class CounterRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CounterRace(String key) {
            super("case counter " + key + " was created concurrently");
        }
    }
}
