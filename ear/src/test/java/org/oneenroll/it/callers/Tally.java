package org.oneenroll.it.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test only: counts cases straight from the database, the yardstick for the supervisors' totals. */
@Stateless
@PermitAll
public class Tally {

    @PersistenceContext
    EntityManager em;

    /** Cases whose number starts with {@code regionPrefix} (a case number starts with its county code). */
    public long cases(String regionPrefix) {
        return em.createQuery("select count(c) from EnrollmentCase c where c.caseNumber like :p", Long.class)
                .setParameter("p", regionPrefix + "%")
                .getSingleResult();
    }
}
