package org.oneenroll.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oneenroll.notification.control.Destinations;
import org.oneenroll.notification.control.SmsIds;
import org.oneenroll.notification.entity.SmsMessage;

/**
 * The dead-letter queues for operators: what lies there and why, and replay (the message goes back to its queue
 * in one transaction; the outbox row's idempotency keeps a replay from sending anything twice). The screen that
 * uses it is for county administrators and batch operators only (web.xml).
 */
@Stateless
public class DeadLetters {

    /** Which pair of queues. */
    public enum Channel {
        SMS(Destinations.SMS_OUTBOUND, Destinations.SMS_OUTBOUND_DLQ),
        CASE_FEEDBACK(Destinations.CASE_FEEDBACK, Destinations.CASE_FEEDBACK_DLQ);

        final String queue;
        final String deadLetters;

        Channel(String queue, String deadLetters) {
            this.queue = queue;
            this.deadLetters = deadLetters;
        }
    }

    /** JMS property with the reason a message was put in the dead-letter queue directly. */
    public static final String REASON = "OneEnrollReason";

    /** A message in a dead-letter queue. */
    public record Letter(
            String messageId, String body, String key, String reason, int deliveries, Instant enqueuedAt) {}

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Destinations.SMS_OUTBOUND)
    Queue smsOutbound;

    @Resource(lookup = Destinations.SMS_OUTBOUND_DLQ)
    Queue smsDead;

    @Resource(lookup = Destinations.CASE_FEEDBACK)
    Queue caseFeedback;

    @Resource(lookup = Destinations.CASE_FEEDBACK_DLQ)
    Queue feedbackDead;

    /**
     * Puts a queue message no retry can help (not an id, no such row, refused as invalid) straight into the
     * channel's dead-letter queue with the reason, in the caller's transaction, where staff see it and can replay
     * it once the cause is fixed.
     */
    public void put(Channel channel, String body, String key, String reason) {
        TextMessage letter = jms.createTextMessage(body);
        try {
            letter.setStringProperty(REASON, reason.length() <= 200 ? reason : reason.substring(0, 200));
            if (key != null) {
                letter.setStringProperty(Notifications.KEY, key);
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        jms.createProducer().send(dead(channel), letter);
    }

    /** The first {@code max} letters, oldest first. */
    public List<Letter> list(Channel channel, int max) {
        List<Letter> letters = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(dead(channel))) {
            java.util.Enumeration<?> all = browser.getEnumeration();
            while (letters.size() < max && all.hasMoreElements()) {
                letters.add(letter((Message) all.nextElement()));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + channel.deadLetters, e);
        }
        return letters;
    }

    /** Moves one letter back to its queue; false if it is gone (replayed meanwhile). */
    public boolean replay(Channel channel, String messageId) {
        String selector = "JMSMessageID = '" + messageId.replace("'", "''") + "'";
        try (JMSConsumer consumer = jms.createConsumer(dead(channel), selector)) {
            Message m = consumer.receive(2000);
            if (m == null) {
                return false;
            }
            resend(channel, m);
            return true;
        }
    }

    /** Moves every letter back (at most {@code max}); returns how many. */
    public int replayAll(Channel channel, int max) {
        int n = 0;
        try (JMSConsumer consumer = jms.createConsumer(dead(channel))) {
            Message m;
            while (n < max && (m = consumer.receive(500)) != null) {
                resend(channel, m);
                n++;
            }
        }
        return n;
    }

    private void resend(Channel channel, Message m) {
        try {
            String body = ((TextMessage) m).getText();
            TextMessage copy = jms.createTextMessage(body);
            String key = m.getStringProperty(Notifications.KEY);
            if (key != null) {
                copy.setStringProperty(Notifications.KEY, key);
            }
            String group = m.getStringProperty("JMSXGroupID");
            if (group != null) {
                copy.setStringProperty("JMSXGroupID", group);
            }
            jms.createProducer().send(channel == Channel.SMS ? smsOutbound : caseFeedback, copy);
            if (channel == Channel.SMS) {
                requeued(body);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot replay a message of " + channel.deadLetters, e);
        }
    }

    private void requeued(String body) {
        List<Long> ids;
        try {
            ids = SmsIds.parse(body);
        } catch (IllegalArgumentException poison) {
            // a poison message replayed by hand: it will be quarantined again with its reason
            return;
        }
        em.createNamedQuery(SmsMessage.BY_IDS, SmsMessage.class)
                .setParameter("ids", ids)
                .getResultStream()
                .filter(sms -> !sms.handedOver())
                .forEach(SmsMessage::requeued);
    }

    private Queue dead(Channel channel) {
        return channel == Channel.SMS ? smsDead : feedbackDead;
    }

    private static Letter letter(Message m) throws JMSException {
        return new Letter(
                m.getJMSMessageID(),
                m instanceof TextMessage t ? t.getText() : m.getClass().getSimpleName(),
                m.getStringProperty(Notifications.KEY),
                m.getStringProperty(REASON),
                m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 0,
                Instant.ofEpochMilli(m.getJMSTimestamp()));
    }
}
