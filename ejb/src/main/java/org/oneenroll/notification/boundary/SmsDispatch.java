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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.control.MessagingSettings;
import org.oneenroll.notification.control.NumberRateLimit;
import org.oneenroll.notification.entity.SmsMessage;
import org.oneenroll.notification.entity.SmsStatus;
import org.oneenroll.notification.entity.SmsTemplate;

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
        return next(List.of(id)).stream().findFirst();
    }

    /**
     * {@link #next(long)} for the messages of one queue message, with one statement for the rows and one for their
     * numbers' recent history; messages to one number within the batch count against its limit in turn.
     *
     * @return a decision per message found, in the order of {@code ids}; an id with no message is left out
     */
    public List<Next> next(List<Long> ids) {
        Map<Long, SmsMessage> byId = new HashMap<>();
        em.createNamedQuery(SmsMessage.BY_IDS, SmsMessage.class)
                .setParameter("ids", ids)
                .getResultStream()
                .forEach(m -> byId.put(m.id(), m));
        Instant now = clock.instant();
        Optional<Instant> quiet = MessagingSettings.quietHours().heldUntil(now);
        NumberRateLimit limit = MessagingSettings.rateLimit();
        Map<String, byte[]> digests = new HashMap<>();
        for (SmsMessage m : byId.values()) {
            if (!m.handedOver() && (m.urgent() || quiet.isEmpty())) {
                byte[] d = cipher.digest(m.phone().value());
                digests.put(HexFormat.of().formatHex(d), d);
            }
        }
        Map<String, List<Instant>> recent = recent(digests.values(), now.minus(Duration.ofDays(1)));
        List<Next> result = new ArrayList<>(byId.size());
        Map<Duration, List<SmsMessage>> held = new HashMap<>();
        for (long id : ids) {
            SmsMessage m = byId.get(id);
            if (m == null) {
                continue;
            }
            if (m.handedOver()) {
                result.add(new Next(Action.ALREADY_SENT, id, m.key(), null, null, 0, null));
                continue;
            }
            Optional<Instant> until = m.urgent() ? Optional.empty() : quiet;
            String why = "quiet hours";
            List<Instant> sent = null;
            // A sign-in code has its own, stricter limits (ParentLogins) and is wanted now: it neither waits for nor
            // counts against the family's notices.
            boolean limited = m.template() != SmsTemplate.LOGIN_CODE;
            if (until.isEmpty() && limited) {
                sent = recent.computeIfAbsent(
                        HexFormat.of().formatHex(cipher.digest(m.phone().value())), k -> new ArrayList<>());
                until = limit.nextAllowed(sent, now);
                why = "rate limit of " + m.phoneMasked();
            }
            if (until.isPresent()) {
                m.hold(until.get(), why);
                held.computeIfAbsent(Duration.between(now, until.get()), d -> new ArrayList<>())
                        .add(m);
                result.add(new Next(Action.HELD, id, m.key(), null, null, 0, until.get()));
            } else {
                // the next message to the same number in this batch sees this one as sent
                if (sent != null) {
                    sent.add(now);
                }
                result.add(new Next(Action.SEND, id, m.key(), m.phone(), m.text(), m.segments(), null));
            }
        }
        held.forEach((delay, messages) -> notifications.enqueueSms(messages, delay));
        return result;
    }

    /** When each number (by digest, in hex) was last sent to since {@code since}. */
    private Map<String, List<Instant>> recent(Collection<byte[]> digests, Instant since) {
        Map<String, List<Instant>> recent = new HashMap<>();
        if (digests.isEmpty()) {
            return recent;
        }
        em.createNamedQuery(SmsMessage.SENT_TO_ANY_SINCE, Object[].class)
                .setParameter("digests", List.copyOf(digests))
                .setParameter("since", since)
                .getResultStream()
                .forEach(
                        row -> recent.computeIfAbsent(HexFormat.of().formatHex((byte[]) row[0]), k -> new ArrayList<>())
                                .add((Instant) row[1]));
        return recent;
    }

    /** The gateway accepted the message. */
    public void submitted(long id, String gateway, String gatewayId) {
        submitted(gateway, Map.of(id, gatewayId));
    }

    /**
     * The gateway accepted these messages: their ids and the gateway's id for each. They were read by
     * {@link #next(List)} in this transaction, so finding them again costs no statement.
     */
    public void submitted(String gateway, Map<Long, String> gatewayIds) {
        Instant now = clock.instant();
        gatewayIds.forEach((id, gatewayId) -> {
            SmsMessage m = em.find(SmsMessage.class, id);
            m.attempt();
            m.submitted(gateway, gatewayId, now);
        });
    }

    /** The gateway is busy: the message goes again after {@code delay}, without counting as a failure. */
    public void throttled(long id, Duration delay) {
        throttled(List.of(id), delay);
    }

    /** The gateway is busy: these messages go again, together, after {@code delay}. */
    public void throttled(List<Long> ids, Duration delay) {
        Instant until = clock.instant().plus(delay);
        List<SmsMessage> messages = em.createNamedQuery(SmsMessage.BY_IDS, SmsMessage.class)
                .setParameter("ids", ids)
                .getResultList();
        messages.forEach(m -> m.hold(until, "gateway throttled"));
        notifications.enqueueSms(messages, delay);
    }

    /**
     * The gateway failed part-way through a batch: the message that failed counts an attempt, and the messages
     * not sent ({@code unsent}, the failed one among them) go again each on its own after {@code delay}, where the
     * queue's redelivery and dead-letter rules take over.
     */
    public void failedInBatch(long failedId, String error, List<Long> unsent, Duration delay) {
        SmsMessage failed = em.find(SmsMessage.class, failedId);
        if (failed != null) {
            failed.attempt();
            failed.failed(error);
        }
        em.createNamedQuery(SmsMessage.BY_IDS, SmsMessage.class)
                .setParameter("ids", unsent)
                .getResultStream()
                .forEach(m -> notifications.enqueueSms(m, delay));
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
        Map<String, Receipt> byGatewayId = new HashMap<>();
        receipts.forEach(r -> byGatewayId.put(r.gatewayId(), r));
        // Gateway ids are not unique for ever (an SMSC restarts its numbering): only a message still waiting for
        // its receipt, through that gateway, and the newest of them, takes it. Read as a projection and written
        // with two statements: loading every message would open its sealed number and text for nothing.
        List<Object[]> waiting = em.createNamedQuery(SmsMessage.AWAITING_RECEIPT, Object[].class)
                .setParameter("gateway", gateway)
                .setParameter("ids", List.copyOf(byGatewayId.keySet()))
                .setParameter("submitted", SmsStatus.SUBMITTED)
                .getResultList();
        List<Long> delivered = new ArrayList<>();
        List<Long> undeliverable = new ArrayList<>();
        for (Object[] row : waiting) {
            Receipt r = byGatewayId.remove((String) row[1]);
            if (r != null) {
                (r.delivered() ? delivered : undeliverable).add((Long) row[0]);
            }
        }
        Instant now = clock.instant();
        mark(delivered, SmsStatus.DELIVERED, now);
        mark(undeliverable, SmsStatus.UNDELIVERABLE, now);
        return List.copyOf(byGatewayId.values());
    }

    private void mark(List<Long> ids, SmsStatus status, Instant at) {
        if (!ids.isEmpty()) {
            em.createNamedQuery(SmsMessage.RECEIPT)
                    .setParameter("ids", ids)
                    .setParameter("status", status)
                    .setParameter("at", at)
                    .setParameter("submitted", SmsStatus.SUBMITTED)
                    .executeUpdate();
        }
    }
}
