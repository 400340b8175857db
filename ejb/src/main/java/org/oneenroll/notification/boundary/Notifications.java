package org.oneenroll.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.control.Destinations;
import org.oneenroll.notification.control.SmsIds;
import org.oneenroll.notification.control.SmsOutbox;
import org.oneenroll.notification.control.SmsSegments;
import org.oneenroll.notification.entity.CaseFeedbackItem;
import org.oneenroll.notification.entity.SmsTemplate;

/**
 * Puts SMS and case feedback on their way, inside the caller's transaction: the outbox row and its queue message
 * are written together through the XA connection factory, so both commit or neither does. The same business
 * event (idempotency key) never makes a second SMS.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Notifications {

    /** JMS property with the row's idempotency key, for operators reading a queue. */
    public static final String KEY = "OneEnrollKey";

    @PersistenceContext
    EntityManager em;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = Destinations.SMS_OUTBOUND)
    Queue smsOutbound;

    @Resource(lookup = Destinations.CASE_FEEDBACK)
    Queue caseFeedback;

    @Inject
    SmsOutbox outbox;

    @Inject
    Clock clock;

    static final int KEYS_PER_QUERY = 500;

    /** One SMS to put on its way: {@code key} names the business event, so it is sent once however often asked. */
    public record SmsRequest(String key, PhoneNumber to, SmsTemplate template, String caseNumber, List<String> args) {
        public SmsRequest {
            args = List.copyOf(args);
        }
    }

    /**
     * Sends {@code template} to {@code to} once for the business event {@code key}; a second call with the same key
     * sends nothing.
     *
     * @return the id of the event's SMS (the earlier one where the key was already used)
     */
    public long sms(String key, PhoneNumber to, SmsTemplate template, String caseNumber, String... args) {
        return smsAll(List.of(new SmsRequest(key, to, template, caseNumber, List.of(args))))
                .get(0);
    }

    /**
     * {@link #sms} for many events at once (a county's results): the outbox rows are written in JDBC batches and
     * the queue carries them {@link SmsIds#PER_MESSAGE} to a message, so sending costs a few statements per hundred
     * SMS instead of a few per SMS.
     *
     * @return the id of each request's SMS, in order (the earlier one where a key was already used)
     */
    public List<Long> smsAll(List<SmsRequest> requests) {
        Map<String, Long> byKey = new HashMap<>();
        List<String> keys = requests.stream().map(SmsRequest::key).distinct().toList();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            byKey.putAll(outbox.idsByKey(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY))));
        }
        Map<String, SmsOutbox.Fresh> fresh = new LinkedHashMap<>();
        for (SmsRequest r : requests) {
            if (!byKey.containsKey(r.key()) && !fresh.containsKey(r.key())) {
                String text = r.template().render(r.args().toArray(String[]::new));
                fresh.put(
                        r.key(),
                        new SmsOutbox.Fresh(
                                r.key(), r.template(), r.to(), text, SmsSegments.count(text), r.caseNumber()));
            }
        }
        if (!fresh.isEmpty()) {
            List<Long> ids = outbox.insert(List.copyOf(fresh.values()), clock.instant());
            int i = 0;
            for (String key : fresh.keySet()) {
                byKey.put(key, ids.get(i++));
            }
            enqueueSms(ids, ids.size() == 1 ? fresh.keySet().iterator().next() : null, Duration.ZERO);
        }
        return requests.stream().map(r -> byKey.get(r.key())).toList();
    }

    /** Records a status change for the provincial platform, numbered after the case's earlier ones. */
    public CaseFeedbackItem feedback(String caseNumber, String status, Instant occurredAt, String detail) {
        Integer last = em.createNamedQuery(CaseFeedbackItem.LAST_SEQUENCE, Integer.class)
                .setParameter("number", caseNumber)
                .getSingleResult();
        CaseFeedbackItem item = new CaseFeedbackItem(
                caseNumber, last == null ? 1 : last + 1, status, occurredAt, detail, clock.instant());
        em.persist(item);
        enqueueFeedback(item, Duration.ZERO);
        return item;
    }

    /** Queues the item (again), after {@code delay}: for the dispatcher's items waiting for an earlier one. */
    public void enqueueFeedback(CaseFeedbackItem item, Duration delay) {
        TextMessage m = jms.createTextMessage(String.valueOf(item.id()));
        try {
            m.setStringProperty(KEY, item.key());
            // One consumer at a time per case: the platform gets a case's changes in order.
            m.setStringProperty("JMSXGroupID", item.caseNumber());
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        jms.createProducer().setDeliveryDelay(Math.max(0, delay.toMillis())).send(caseFeedback, m);
    }

    /**
     * Queues the SMS {@code ids} (again), after {@code delay}: together, {@link SmsIds#PER_MESSAGE} to a queue
     * message; {@code key}, for operators reading the queue, names a message of one SMS.
     */
    public void enqueueSms(List<Long> ids, String key, Duration delay) {
        if (ids.size() == 1) {
            sendSms(SmsIds.format(ids), key, delay);
        } else {
            SmsIds.bodies(ids).forEach(body -> sendSms(body, null, delay));
        }
    }

    private void sendSms(String body, String key, Duration delay) {
        TextMessage m = jms.createTextMessage(body);
        if (key != null) {
            try {
                m.setStringProperty(KEY, key);
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        }
        jms.createProducer().setDeliveryDelay(Math.max(0, delay.toMillis())).send(smsOutbound, m);
    }
}
