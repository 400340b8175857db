package org.oneenroll.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.audit.entity.AuditEntry;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.NationalId;

/**
 * Writes and reads the audit trail. A line is written in its own transaction, so a look-up stays recorded
 * even when the work that caused it is rolled back; the actor is the signed-in caller, or "system".
 */
@Stateless
public class AuditTrail {

    static final String SYSTEM = "system";
    static final int MAX_TEXT = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditAction action, NationalId subject, String target, String purpose, String outcome) {
        em.persist(new AuditEntry(
                clock.instant(),
                actor(),
                action,
                cipher.digest(subject.value()),
                subject.masked(),
                cut(target, 64),
                cut(purpose, MAX_TEXT),
                outcome == null ? null : cut(outcome, MAX_TEXT)));
    }

    /** One line to write: what was done with whose data, to what, and why. */
    public record Line(AuditAction action, NationalId subject, String target, String purpose, String outcome) {}

    /** Writes several lines in one transaction of their own (a verification's questions, before they are asked). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(List<Line> lines) {
        String actor = actor();
        for (Line l : lines) {
            em.persist(new AuditEntry(
                    clock.instant(),
                    actor,
                    l.action(),
                    cipher.digest(l.subject().value()),
                    l.subject().masked(),
                    cut(l.target(), 64),
                    cut(l.purpose(), MAX_TEXT),
                    l.outcome() == null ? null : cut(l.outcome(), MAX_TEXT)));
        }
    }

    /** Every line about a person, oldest first: who looked at them, asked about them, and why. */
    public List<AuditEntry> about(NationalId subject) {
        return em.createNamedQuery(AuditEntry.BY_SUBJECT, AuditEntry.class)
                .setParameter("digest", cipher.digest(subject.value()))
                .getResultList();
    }

    private String actor() {
        Principal caller = session.getCallerPrincipal();
        return caller == null || caller.getName() == null || caller.getName().equals("anonymous")
                ? SYSTEM
                : cut(caller.getName(), 64);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
