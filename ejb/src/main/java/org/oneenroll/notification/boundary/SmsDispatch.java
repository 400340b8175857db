package org.oneenroll.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.control.MessagingSettings;
import org.oneenroll.notification.control.NumberRateLimit;
import org.oneenroll.notification.control.SmsOutbox;
import org.oneenroll.notification.entity.SmsStatus;
import org.oneenroll.notification.entity.SmsTemplate;

/**
 * The SMS consumer's side of the outbox, called in the queue message's transaction: what to do with a message
 * (send it, hold it for the morning or for the number's limit, or nothing because the gateway already has it),
 * and recording what the gateway said.
 */
@Stateless
public class SmsDispatch {

    private static final Logger LOG = Logger.getLogger(SmsDispatch.class.getName());

    /** What the consumer does with a queue message. */
    public enum Action {
        SEND,
        HELD,
        ALREADY_SENT
    }

    /** The decision, and for {@link Action#SEND} what to send. */
    public record Next(Action action, long id, String key, PhoneNumber to, String text, int segments, Instant until) {}

    @Inject
    SmsOutbox outbox;

    @Inject
    Notifications notifications;

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
        Map<Long, SmsOutbox.Row> byId = outbox.byIds(ids);
        Instant now = clock.instant();
        Optional<Instant> quiet = MessagingSettings.quietHours().heldUntil(now);
        NumberRateLimit limit = MessagingSettings.rateLimit();
        // A sign-in code has its own, stricter limits (ParentLogins) and is wanted now: it neither waits for nor
        // counts against the family's notices.
        Map<Long, String> digestOf = new HashMap<>();
        Map<String, byte[]> digests = new HashMap<>();
        for (SmsOutbox.Row m : byId.values()) {
            if (!m.handedOver() && (m.urgent() || quiet.isEmpty()) && m.template() != SmsTemplate.LOGIN_CODE) {
                String hex = HexFormat.of().formatHex(m.phoneDigest());
                digests.put(hex, m.phoneDigest());
                digestOf.put(m.id(), hex);
            }
        }
        Map<String, List<Instant>> recent = outbox.sentSince(digests.values(), now.minus(Duration.ofDays(1)));
        List<Next> result = new ArrayList<>(byId.size());
        Map<Long, SmsOutbox.Hold> holds = new HashMap<>();
        Map<Duration, List<Long>> held = new HashMap<>();
        for (long id : ids) {
            SmsOutbox.Row m = byId.get(id);
            if (m == null) {
                continue;
            }
            if (m.handedOver()) {
                result.add(new Next(Action.ALREADY_SENT, id, m.key(), null, null, 0, null));
                continue;
            }
            Optional<Instant> wait = m.urgent() ? Optional.empty() : quiet;
            String reason = "quiet hours";
            List<Instant> sent = null;
            if (wait.isEmpty() && digestOf.containsKey(id)) {
                sent = recent.computeIfAbsent(digestOf.get(id), k -> new ArrayList<>());
                wait = limit.nextAllowed(sent, now);
                reason = "rate limit of " + m.phoneMasked();
            }
            if (wait.isPresent()) {
                holds.put(id, new SmsOutbox.Hold(wait.get(), reason));
                held.computeIfAbsent(Duration.between(now, wait.get()), d -> new ArrayList<>())
                        .add(id);
                result.add(new Next(Action.HELD, id, m.key(), null, null, 0, wait.get()));
            } else {
                // the next message to the same number in this batch sees this one as sent
                if (sent != null) {
                    sent.add(now);
                }
                result.add(new Next(Action.SEND, id, m.key(), m.to(), m.text(), m.segments(), null));
            }
        }
        outbox.hold(holds);
        held.forEach((delay, heldIds) -> notifications.enqueueSms(
                heldIds, heldIds.size() == 1 ? byId.get(heldIds.get(0)).key() : null, delay));
        return result;
    }

    /** The gateway accepted the message. */
    public void submitted(long id, String gateway, String gatewayId) {
        submitted(gateway, Map.of(id, gatewayId));
    }

    /**
     * The gateway accepted these messages: their ids and the gateway's id for each, written in one batch. A message
     * another delivery already handed over keeps that delivery's record; the gateway got it twice, under the same
     * idempotency key (which a gateway that honours it answers with the first message's id).
     */
    public void submitted(String gateway, Map<Long, String> gatewayIds) {
        List<Long> twice = outbox.submitted(gateway, gatewayIds, clock.instant());
        if (!twice.isEmpty()) {
            LOG.warning(() -> twice.size() + " SMS were already handed over by another delivery and went to " + gateway
                    + " again under their idempotency keys: " + twice);
        }
    }

    /** The gateway is busy: the message goes again after {@code delay}, without counting as a failure. */
    public void throttled(long id, Duration delay) {
        throttled(List.of(id), delay);
    }

    /** The gateway is busy: these messages go again, together, after {@code delay}. */
    public void throttled(List<Long> ids, Duration delay) {
        Instant at = clock.instant().plus(delay);
        Map<Long, SmsOutbox.Hold> holds = new HashMap<>();
        ids.forEach(id -> holds.put(id, new SmsOutbox.Hold(at, "gateway throttled")));
        outbox.hold(holds);
        notifications.enqueueSms(ids, null, delay);
    }

    /**
     * The gateway failed part-way through a batch: the message that failed counts an attempt, and the messages
     * not sent ({@code unsent}, the failed one among them) go again each on its own after {@code delay}, where the
     * queue's redelivery and dead-letter rules take over.
     */
    public void failedInBatch(long failedId, String error, List<Long> unsent, Duration delay) {
        outbox.failed(failedId, error, false);
        Map<Long, SmsOutbox.Row> rows = outbox.byIds(unsent);
        for (long id : unsent) {
            SmsOutbox.Row r = rows.get(id);
            if (r != null) {
                notifications.enqueueSms(List.of(id), r.key(), delay);
            }
        }
    }

    /**
     * The gateway failed: recorded in a transaction of its own, since the queue message's is rolled back for a
     * redelivery; {@code last} marks the message dead (its queue message goes to the dead-letter queue).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String error, boolean last) {
        outbox.failed(id, error, last);
    }

    /**
     * The last delivery of a queue message failed before anything was recorded (the database, say): its SMS not yet
     * handed over are marked DEAD, in a transaction of its own, as the message goes to the dead-letter queue.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void dead(List<Long> ids, String error) {
        outbox.dead(ids, error);
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
        // its receipt, through that gateway, and the newest of them, takes it.
        Map<String, Long> waiting = outbox.awaitingReceipt(gateway, byGatewayId.keySet());
        List<Long> delivered = new ArrayList<>();
        List<Long> undeliverable = new ArrayList<>();
        waiting.forEach((gatewayId, id) -> {
            Receipt r = byGatewayId.remove(gatewayId);
            (r.delivered() ? delivered : undeliverable).add(id);
        });
        Instant now = clock.instant();
        outbox.receipts(delivered, SmsStatus.DELIVERED, now);
        outbox.receipts(undeliverable, SmsStatus.UNDELIVERABLE, now);
        return List.copyOf(byGatewayId.values());
    }
}
