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
import java.util.Optional;
import java.util.logging.Logger;
import org.oneenroll.notification.boundary.DeadLetters;
import org.oneenroll.notification.boundary.Notifications;
import org.oneenroll.notification.boundary.SmsDispatch;
import org.oneenroll.notification.boundary.SmsDispatch.Next;
import org.oneenroll.notification.control.Destinations;
import org.oneenroll.notification.gateway.GatewayException;
import org.oneenroll.notification.gateway.OutgoingSms;

/**
 * Sends queued SMS. The queue message carries the outbox row's id; the row says whether it was already handed
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
        long id;
        try {
            id = Long.parseLong(body == null ? "" : body.strip());
        } catch (NumberFormatException e) {
            deadLetters.put(DeadLetters.Channel.SMS, String.valueOf(body), key, "not an SMS id: " + body);
            return;
        }
        Optional<Next> next = dispatch.next(id);
        if (next.isEmpty()) {
            deadLetters.put(DeadLetters.Channel.SMS, body, key, "no SMS " + id);
            return;
        }
        Next n = next.get();
        if (n.action() != SmsDispatch.Action.SEND) {
            return;
        }
        try {
            String gatewayId = gateways.sms().send(new OutgoingSms(n.key(), n.to().value(), n.text()));
            dispatch.submitted(id, gateways.sms().name(), gatewayId);
        } catch (GatewayException e) {
            if (e.throttled()) {
                dispatch.throttled(id, e.retryAfter());
                return;
            }
            boolean last = deliveries >= MAX_DELIVERIES;
            LOG.warning(() -> "SMS " + id + " attempt " + deliveries + " failed" + (last ? " (last, to the DLQ)" : "")
                    + ": " + e.getMessage());
            dispatch.failed(id, e.getMessage(), last);
            context.setRollbackOnly();
        }
    }
}
