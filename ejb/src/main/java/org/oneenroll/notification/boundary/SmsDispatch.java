package org.oneenroll.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.control.MessagingSettings;
import org.oneenroll.notification.control.NumberRateLimit;
import org.oneenroll.notification.control.QuietHours;
import org.oneenroll.notification.entity.SmsMessage;
import org.oneenroll.notification.entity.SmsStatus;

/**
 * The SMS consumer's side of the outbox, called in the queue message's transaction: what to do with a message
 * (send it, hold it for the morning or for the number's limit, or nothing because the gateway already has it),
 * and recording what the gateway said.
 */
@Stateless
public class SmsDispatch {

    /** What the consumer does with a queue message. */
    public enum Action {
        SEND,
        HELD,
        ALREADY_SENT
    }

    /** The decision, and for {@link Action#SEND} what to send. */
    public record Next(Action action, long id, String key, PhoneNumber to, String text, int segments, Instant until) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifications notifications;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Clock clock;

    /**
     * Decides what to do with the message {@code id}; a message held for the quiet hours or the number's limit is
     * queued again for the moment it may go, in this transaction.
     *
     * @return empty if there is no such message (a poison queue message)
     */
    public Optional<Next> next(long id) {
        SmsMessage m = em.find(SmsMessage.class, id);
        if (m == null) {
            return Optional.empty();
        }
        if (m.handedOver()) {
            return Optional.of(new Next(Action.ALREADY_SENT, id, m.key(), null, null, 0, null));
        }
        Instant now = clock.instant();
        QuietHours quiet = MessagingSettings.quietHours();
        Optional<Instant> until = m.urgent() ? Optional.empty() : quiet.heldUntil(now);
        String why = "quiet hours";
        if (until.isEmpty()) {
            NumberRateLimit limit = MessagingSettings.rateLimit();
            List<Instant> recent = em.createNamedQuery(SmsMessage.SENT_TO_SINCE, Instant.class)
                    .setParameter("digest", cipher.digest(m.phone().value()))
                    .setParameter("since", now.minus(Duration.ofDays(1)))
                    .getResultList();
            until = limit.nextAllowed(recent, now);
            why = "rate limit of " + m.phoneMasked();
        }
        if (until.isPresent()) {
            m.hold(until.get(), why);
            notifications.enqueueSms(m, Duration.between(now, until.get()));
            return Optional.of(new Next(Action.HELD, id, m.key(), null, null, 0, until.get()));
        }
        return Optional.of(new Next(Action.SEND, id, m.key(), m.phone(), m.text(), m.segments(), null));
    }

    /** The gateway accepted the message. */
    public void submitted(long id, String gateway, String gatewayId) {
        SmsMessage m = em.find(SmsMessage.class, id);
        m.attempt();
        m.submitted(gateway, gatewayId, clock.instant());
    }

    /** The gateway is busy: the message goes again after {@code delay}, without counting as a failure. */
    public void throttled(long id, Duration delay) {
        SmsMessage m = em.find(SmsMessage.class, id);
        m.hold(clock.instant().plus(delay), "gateway throttled");
        notifications.enqueueSms(m, delay);
    }

    /**
     * The gateway failed: recorded in a transaction of its own, since the queue message's is rolled back for a
     * redelivery; {@code last} marks the message dead (its queue message goes to the dead-letter queue).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String error, boolean last) {
        SmsMessage m = em.find(SmsMessage.class, id);
        if (m != null) {
            m.attempt();
            if (last) {
                m.dead(error);
            } else {
                m.failed(error);
            }
        }
    }

    /** A delivery receipt: the gateway's id for the message and whether the handset got it. */
    public record Receipt(String gatewayId, boolean delivered) {}

    /**
     * Applies delivery receipts in one transaction and returns those whose message is not known (yet: a receipt
     * can overtake the commit of the message it is about).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Receipt> receipts(String gateway, List<Receipt> receipts) {
        java.util.Map<String, Receipt> byId = new java.util.HashMap<>();
        receipts.forEach(r -> byId.put(r.gatewayId(), r));
        Instant now = clock.instant();
        // Gateway ids are not unique for ever (an SMSC restarts its numbering): only a message still waiting for
        // its receipt, through that gateway, and the newest of them, takes it.
        List<SmsMessage> waiting = em.createQuery(
                        "select m from SmsMessage m where m.gateway = :gateway and m.gatewayId in :ids"
                                + " and m.status = :submitted order by m.submittedAt desc",
                        SmsMessage.class)
                .setParameter("gateway", gateway)
                .setParameter("ids", byId.keySet())
                .setParameter("submitted", SmsStatus.SUBMITTED)
                .getResultList();
        for (SmsMessage m : waiting) {
            Receipt r = byId.remove(m.gatewayId());
            if (r != null) {
                m.receipt(r.delivered(), now);
            }
        }
        return List.copyOf(byId.values());
    }
}
