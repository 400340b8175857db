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
import java.util.Optional;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.control.Destinations;
import org.oneenroll.notification.control.SmsSegments;
import org.oneenroll.notification.entity.CaseFeedbackItem;
import org.oneenroll.notification.entity.SmsMessage;
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
    Clock clock;

    /**
     * Sends {@code template} to {@code to} once for the business event {@code key}; a second call with the same key
     * returns the first message and sends nothing.
     */
    public SmsMessage sms(String key, PhoneNumber to, SmsTemplate template, String caseNumber, String... args) {
        Optional<SmsMessage> existing = em.createNamedQuery(SmsMessage.BY_KEY, SmsMessage.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        String text = template.render(args);
        SmsMessage message =
                new SmsMessage(key, template, to, text, SmsSegments.count(text), caseNumber, clock.instant());
        em.persist(message);
        enqueueSms(message, Duration.ZERO);
        return message;
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

    /** Queues the message again, after {@code delay}: for the dispatcher's held and throttled messages. */
    public void enqueueSms(SmsMessage message, Duration delay) {
        TextMessage m = jms.createTextMessage(String.valueOf(message.id()));
        try {
            m.setStringProperty(KEY, message.key());
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        jms.createProducer().setDeliveryDelay(Math.max(0, delay.toMillis())).send(smsOutbound, m);
    }
}
