package org.oneenroll.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.entity.SmsMessage;
import org.oneenroll.notification.entity.SmsStatus;

/** The SMS that went out (or wait), newest first, for the staff screen and for tests. */
@Stateless
public class SmsHistory {

    /** What to look for: any field may be null (not filtered). */
    public record Filter(PhoneNumber phone, String caseNumber, SmsStatus status) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonalDataCipher cipher;

    public List<SmsMessage> search(Filter filter, int first, int max) {
        TypedQuery<SmsMessage> q = em.createQuery(
                "select m from SmsMessage m" + where(filter) + " order by m.createdAt desc, m.id desc",
                SmsMessage.class);
        bind(q, filter);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(Filter filter) {
        TypedQuery<Long> q = em.createQuery("select count(m) from SmsMessage m" + where(filter), Long.class);
        bind(q, filter);
        return q.getSingleResult();
    }

    /** How many messages are in each status. */
    public Map<SmsStatus, Long> countByStatus() {
        Map<SmsStatus, Long> counts = new EnumMap<>(SmsStatus.class);
        em.createQuery("select m.status, count(m) from SmsMessage m group by m.status", Object[].class)
                .getResultList()
                .forEach(r -> counts.put((SmsStatus) r[0], (Long) r[1]));
        return counts;
    }

    public Optional<SmsMessage> byKey(String key) {
        return em.createNamedQuery(SmsMessage.BY_KEY, SmsMessage.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    private static String where(Filter f) {
        List<String> conditions = new ArrayList<>();
        if (f.phone() != null) {
            conditions.add("m.phoneDigest = :digest");
        }
        if (f.caseNumber() != null) {
            conditions.add("m.caseNumber = :caseNumber");
        }
        if (f.status() != null) {
            conditions.add("m.status = :status");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private void bind(TypedQuery<?> q, Filter f) {
        if (f.phone() != null) {
            q.setParameter("digest", cipher.digest(f.phone().value()));
        }
        if (f.caseNumber() != null) {
            q.setParameter("caseNumber", f.caseNumber());
        }
        if (f.status() != null) {
            q.setParameter("status", f.status());
        }
    }
}
