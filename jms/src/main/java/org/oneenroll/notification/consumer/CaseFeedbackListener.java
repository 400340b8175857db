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
import org.oneenroll.notification.boundary.FeedbackDispatch;
import org.oneenroll.notification.boundary.FeedbackDispatch.Next;
import org.oneenroll.notification.control.Destinations;
import org.oneenroll.notification.gateway.ProvincialPlatform;

/**
 * Pushes case changes to the provincial platform, a case's changes in order: an item whose predecessor has not
 * gone yet is queued again for a few seconds later (not rolled back, which would use up its attempts); a
 * platform that is down is tried again with back-off; an item it refuses outright is settled as refused and put
 * in the dead-letter queue with the reason, so it does not hold back the case's later items.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.CASE_FEEDBACK),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
public class CaseFeedbackListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CaseFeedbackListener.class.getName());
    /** How long an item waits before it looks again whether the earlier items of its case went. */
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(5);

    @Inject
    FeedbackDispatch dispatch;

    @Inject
    Gateways gateways;

    @Inject
    DeadLetters deadLetters;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        String body;
        try {
            body = message instanceof TextMessage t ? t.getText() : null;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a queue message", e);
        }
        long id;
        try {
            id = Long.parseLong(body == null ? "" : body.strip());
        } catch (NumberFormatException e) {
            deadLetters.put(
                    DeadLetters.Channel.CASE_FEEDBACK, String.valueOf(body), null, "not a feedback id: " + body);
            return;
        }
        Optional<Next> next = dispatch.next(id);
        if (next.isEmpty()) {
            deadLetters.put(DeadLetters.Channel.CASE_FEEDBACK, body, null, "no feedback item " + id);
            return;
        }
        Next n = next.get();
        switch (n.action()) {
            case ALREADY_SENT -> {}
            case WAIT_FOR_EARLIER -> dispatch.later(id, WAIT);
            case SEND -> {
                try {
                    gateways.provincial()
                            .send(n.key(), n.caseNumber(), n.sequence(), n.status(), n.occurredAt(), n.detail());
                    dispatch.sent(id);
                } catch (ProvincialPlatform.Refused e) {
                    LOG.warning(() -> "Feedback " + n.key() + " not taken: " + e.getMessage());
                    if (e.permanent()) {
                        dispatch.refused(id, e.getMessage());
                        deadLetters.put(DeadLetters.Channel.CASE_FEEDBACK, body, n.key(), e.getMessage());
                    } else {
                        dispatch.failed(id, e.getMessage());
                        context.setRollbackOnly();
                    }
                }
            }
        }
    }
}
