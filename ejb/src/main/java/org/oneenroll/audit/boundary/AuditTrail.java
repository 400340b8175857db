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
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.audit.entity.AuditEntry;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;

/**
 * Writes and reads the audit trail. A line is written in its own transaction, so a look-up stays recorded
 * even when the work that caused it is rolled back; the actor is the signed-in caller (a parent by masked number),
 * or "system".
 */
@Stateless
public class AuditTrail {

    static final String SYSTEM = "system";
    static final int MAX_TEXT = 200;
    /** A parent's caller name: their mainland mobile number (see {@code ParentLogins}). */
    static final Pattern PARENT_NAME = Pattern.compile("1[3-9][0-9]{9}");

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

    /**
     * Records what was done with the data of a person known only by a phone number (a family who raised a
     * consultation or complaint without a case): the subject is the keyed digest of the number and its masked form,
     * the same digest a case's contact phone is found by.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditAction action, PhoneNumber subject, String target, String purpose, String outcome) {
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

    /** Every line about the person with this phone number, oldest first. */
    public List<AuditEntry> about(PhoneNumber subject) {
        return em.createNamedQuery(AuditEntry.BY_SUBJECT, AuditEntry.class)
                .setParameter("digest", cipher.digest(subject.value()))
                .getResultList();
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
        if (caller == null || caller.getName() == null || caller.getName().equals("anonymous")) {
            return SYSTEM;
        }
        String name = caller.getName();
        return PARENT_NAME.matcher(name).matches() ? parent(name) : cut(name, 64);
    }

    /**
     * A signed-in parent is known by their phone number, which must not stand in the trail in clear: the masked
     * number and the start of its keyed digest name them (the full digest is the contact phone's look-up value).
     */
    private String parent(String phone) {
        return "parent:" + PhoneNumber.of(phone).masked() + ":"
                + HexFormat.of().formatHex(cipher.digest(phone)).substring(0, 16);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
