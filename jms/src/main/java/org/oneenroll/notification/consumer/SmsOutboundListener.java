package org.oneenroll.notification.consumer;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.oneenroll.notification.boundary.DeadLetters;
import org.oneenroll.notification.boundary.Notifications;
import org.oneenroll.notification.boundary.SmsDispatch;
import org.oneenroll.notification.boundary.SmsDispatch.Next;
import org.oneenroll.notification.control.Destinations;
import org.oneenroll.notification.control.SmsIds;
import org.oneenroll.notification.gateway.GatewayException;
import org.oneenroll.notification.gateway.OutgoingSms;

/**
 * Sends queued SMS. The queue message carries the outbox row's id, or the ids of a batch ({@link SmsIds}); the row says whether it was already handed
 * over (a redelivery after a crash sends nothing) and the dispatcher holds it for the quiet hours or the
 * number's limit. A throttled gateway delays the message without counting an attempt; a failing one rolls the
 * message back for a redelivery with back-off, and after the last attempt it lands in the dead-letter queue
 * with its row marked dead.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.SMS_OUTBOUND),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "32")
        })
public class SmsOutboundListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SmsOutboundListener.class.getName());
    /** max-delivery-attempts of the queue's address setting (config/src/main/cli/oneenroll.cli). */
    static final int MAX_DELIVERIES = 8;
    /** redelivery-delay of the queue's address setting: a batch's failed SMS waits as long before its own retry. */
    static final Duration FIRST_REDELIVERY_DELAY = Duration.ofSeconds(2);

    @Inject
    SmsDispatch dispatch;

    @Inject
    Gateways gateways;

    @Inject
    DeadLetters deadLetters;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        String body;
        String key;
        int deliveries;
        try {
            body = message instanceof TextMessage t ? t.getText() : null;
            key = message.getStringProperty(Notifications.KEY);
            deliveries = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a queue message", e);
        }
        List<Long> ids;
        try {
            ids = SmsIds.parse(body);
        } catch (IllegalArgumentException e) {
            deadLetters.put(DeadLetters.Channel.SMS, String.valueOf(body), key, e.getMessage());
            return;
        }
        // what the gateway accepted in this delivery: not dead, whatever fails after it
        Set<Long> accepted = new HashSet<>();
        try {
            List<Next> next = dispatch.next(ids);
            if (next.size() < ids.size()) {
                Set<Long> found = next.stream().map(Next::id).collect(Collectors.toSet());
                ids.stream()
                        .filter(id -> !found.contains(id))
                        .forEach(id ->
                                deadLetters.put(DeadLetters.Channel.SMS, String.valueOf(id), key, "no SMS " + id));
            }
            List<Next> sends = next.stream()
                    .filter(n -> n.action() == SmsDispatch.Action.SEND)
                    .toList();
            if (ids.size() == 1) {
                sendAlone(sends, deliveries, accepted);
            } else {
                sendBatch(sends, accepted);
            }
        } catch (RuntimeException e) {
            if (!accepted.isEmpty()) {
                LOG.warning(() -> "The gateway accepted " + accepted.size() + " SMS whose record then failed; a"
                        + " redelivery sends them again under their idempotency keys: " + accepted);
            }
            if (deliveries >= MAX_DELIVERIES) {
                markDead(ids.stream().filter(id -> !accepted.contains(id)).toList(), e);
            }
            throw e;
        }
    }

    /**
     * The message goes to the dead-letter queue after this failure: its SMS say so in the history, if the database
     * takes it now (if not, they stay as they were, and a replay from the dead-letter screen still sends them).
     */
    private void markDead(List<Long> ids, RuntimeException cause) {
        if (ids.isEmpty()) {
            return;
        }
        String reason = "to the dead-letter queue after " + MAX_DELIVERIES + " deliveries: " + cause.getMessage();
        LOG.warning(() -> "Queue message of " + ids.size() + " SMS " + reason);
        try {
            dispatch.dead(ids, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not mark " + ids.size() + " SMS dead", e);
        }
    }

    /** A message of one SMS: a failure rolls the queue message back, for the queue's redelivery rules. */
    private void sendAlone(List<Next> sends, int deliveries, Set<Long> accepted) {
        if (sends.isEmpty()) {
            return;
        }
        Next n = sends.get(0);
        try {
            String gatewayId = gateways.sms().send(new OutgoingSms(n.key(), n.to().value(), n.text()));
            accepted.add(n.id());
            dispatch.submitted(n.id(), gateways.sms().name(), gatewayId);
        } catch (GatewayException e) {
            if (e.throttled()) {
                dispatch.throttled(n.id(), e.retryAfter());
                return;
            }
            boolean last = deliveries >= MAX_DELIVERIES;
            LOG.warning(() -> "SMS " + n.id() + " attempt " + deliveries + " failed"
                    + (last ? " (last, to the DLQ)" : "") + ": " + e.getMessage());
            dispatch.failed(n.id(), e.getMessage(), last);
            context.setRollbackOnly();
        }
    }

    /**
     * A message of many SMS: what the gateway accepted is recorded in one go; at the first throttle the rest wait
     * together, and at the first failure the rest go back one per queue message, so a failing SMS gets the queue's
     * redelivery, back-off and dead-letter rules of its own instead of holding up the others.
     */
    private void sendBatch(List<Next> sends, Set<Long> acceptedIds) {
        Map<Long, String> accepted = new HashMap<>();
        for (int i = 0; i < sends.size(); i++) {
            Next n = sends.get(i);
            try {
                accepted.put(n.id(), gateways.sms().send(new OutgoingSms(n.key(), n.to().value(), n.text())));
                acceptedIds.add(n.id());
            } catch (GatewayException e) {
                List<Long> unsent =
                        sends.subList(i, sends.size()).stream().map(Next::id).toList();
                if (e.throttled()) {
                    dispatch.throttled(unsent, e.retryAfter());
                } else {
                    LOG.warning(() -> "SMS " + n.id() + " failed in a batch; " + unsent.size()
                            + " go again one by one: " + e.getMessage());
                    dispatch.failedInBatch(n.id(), e.getMessage(), unsent, FIRST_REDELIVERY_DELAY);
                }
                break;
            }
        }
        dispatch.submitted(gateways.sms().name(), accepted);
    }
}
