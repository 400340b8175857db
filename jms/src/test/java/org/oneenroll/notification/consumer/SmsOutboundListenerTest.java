package org.oneenroll.notification.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.boundary.SmsDispatch;
import org.oneenroll.notification.gateway.GatewayException;
import org.oneenroll.notification.gateway.OutgoingSms;
import org.oneenroll.notification.gateway.SmsGateway;

/**
 * A queue message of a batch of SMS whose processing fails before anything was recorded (the database down, say):
 * it goes back to the queue for its redelivery; on its last delivery, as it goes to the dead-letter queue, its
 * SMS are marked dead, and a failure to do so does not hide the original one.
 */
class SmsOutboundListenerTest {

    /** The dispatcher with the database down: every read fails; what would be marked dead is kept. */
    static class DownDispatch extends SmsDispatch {
        final IllegalStateException failure = new IllegalStateException("connection refused");
        final List<List<Long>> markedDead = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();
        boolean markingFails;

        @Override
        public List<Next> next(List<Long> ids) {
            throw failure;
        }

        @Override
        public void dead(List<Long> ids, String error) {
            if (markingFails) {
                throw new IllegalStateException("still down");
            }
            markedDead.add(ids);
            reasons.add(error);
        }
    }

    static TextMessage message(String body, int deliveries) {
        Map<String, Object> properties = Map.of("JMSXDeliveryCount", deliveries);
        return (TextMessage) Proxy.newProxyInstance(
                SmsOutboundListenerTest.class.getClassLoader(),
                new Class<?>[] {TextMessage.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getText" -> body;
                    case "getStringProperty" -> null;
                    case "propertyExists" -> properties.containsKey((String) a[0]);
                    case "getIntProperty" -> properties.get((String) a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static SmsOutboundListener listener(SmsDispatch dispatch) {
        SmsOutboundListener cut = new SmsOutboundListener();
        cut.dispatch = dispatch;
        return cut;
    }

    @Test
    void beforeTheLastDeliveryTheFailureOnlyRollsTheMessageBack() {
        DownDispatch dispatch = new DownDispatch();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> listener(dispatch)
                .onMessage(message("11,12,13", SmsOutboundListener.MAX_DELIVERIES - 1)));
        assertSame(dispatch.failure, thrown);
        assertTrue(dispatch.markedDead.isEmpty());
    }

    @Test
    void onTheLastDeliveryTheBatchIsMarkedDeadAndTheFailureStillRollsBack() {
        DownDispatch dispatch = new DownDispatch();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> listener(dispatch)
                .onMessage(message("11,12,13", SmsOutboundListener.MAX_DELIVERIES)));
        assertSame(dispatch.failure, thrown);
        assertEquals(List.of(List.of(11L, 12L, 13L)), dispatch.markedDead);
        assertTrue(dispatch.reasons.get(0).contains("dead-letter queue"), dispatch.reasons.get(0));
        assertTrue(dispatch.reasons.get(0).contains("connection refused"), dispatch.reasons.get(0));
    }

    /** The database fails after the gateway accepted the first two of three SMS: recording them fails. */
    static final class RecordingFails extends DownDispatch {
        @Override
        public List<Next> next(List<Long> ids) {
            return ids.stream()
                    .map(id -> new Next(
                            SmsDispatch.Action.SEND, id, "k" + id, PhoneNumber.of("13900000001"), "文本", 1, null))
                    .toList();
        }

        @Override
        public void submitted(String gateway, Map<Long, String> gatewayIds) {
            throw failure;
        }

        @Override
        public void failedInBatch(long failedId, String error, List<Long> unsent, java.time.Duration delay) {
            // the third SMS is refused and goes back on its own: recorded in this (failing) transaction
        }
    }

    @Test
    void onTheLastDeliveryWhatTheGatewayAcceptedIsNotMarkedDead() {
        RecordingFails dispatch = new RecordingFails();
        SmsOutboundListener cut = listener(dispatch);
        List<String> sent = new ArrayList<>();
        cut.gateways = new Gateways() {
            @Override
            public SmsGateway sms() {
                return new SmsGateway() {
                    @Override
                    public String name() {
                        return "smpp";
                    }

                    @Override
                    public String send(OutgoingSms sms) throws GatewayException {
                        if (sent.size() == 2) {
                            throw GatewayException.failed("SMSC refused", null);
                        }
                        sent.add(sms.key());
                        return "g" + sent.size();
                    }
                };
            }
        };
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> cut.onMessage(message("11,12,13", SmsOutboundListener.MAX_DELIVERIES)));
        assertSame(dispatch.failure, thrown);
        assertEquals(List.of("k11", "k12"), sent);
        assertEquals(
                List.of(List.of(13L)),
                dispatch.markedDead,
                "the SMSC has 11 and 12: they are not dead, and a replay would not be the first time they went");
    }

    @Test
    void whenMarkingFailsTooTheOriginalFailureIsWhatTheQueueSees() {
        DownDispatch dispatch = new DownDispatch();
        dispatch.markingFails = true;
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> listener(dispatch)
                .onMessage(message("11", SmsOutboundListener.MAX_DELIVERIES)));
        assertSame(dispatch.failure, thrown);
    }
}
