package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.notification.boundary.DeadLetters;
import org.oneenroll.notification.boundary.FeedbackDispatch;
import org.oneenroll.notification.boundary.Notifications;
import org.oneenroll.notification.boundary.SmsHistory;
import org.oneenroll.notification.control.Destinations;
import org.oneenroll.notification.entity.CaseFeedbackItem;
import org.oneenroll.notification.entity.SmsMessage;
import org.oneenroll.notification.entity.SmsStatus;
import org.oneenroll.notification.entity.SmsTemplate;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.entity.Declaration;

/**
 * SMS and case feedback leave with the state change that causes them, exactly once: through the queues, the
 * simulated SMSC (SMPP, with delivery receipts) and the simulated provincial platform, both started beside the
 * test server by the build.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

    static final Duration ARRIVES = Duration.ofSeconds(60);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    Cases cases;

    @Inject
    PlanContexts plans;

    @Inject
    Notifications notifications;

    @Inject
    SmsHistory history;

    @Inject
    FeedbackDispatch feedback;

    @Inject
    DeadLetters deadLetters;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = Destinations.SMS_OUTBOUND)
    Queue smsOutbound;

    @Resource(lookup = Destinations.SMS_OUTBOUND_DLQ)
    Queue smsDead;

    @Resource(lookup = "java:jboss/UserTransaction")
    UserTransaction tx;

    private final MessagingAdmin outside = new MessagingAdmin();

    @BeforeEach
    void outsideIsUp() {
        outside.awaitUp();
        outside.reset();
    }

    private String quietHours;

    @BeforeEach
    void rememberQuietHours() {
        quietHours = System.getProperty("oneenroll.sms.quiet-hours");
    }

    @AfterEach
    void faultsOff() {
        outside.reset();
        if (quietHours == null) {
            System.clearProperty("oneenroll.sms.quiet-hours");
        } else {
            System.setProperty("oneenroll.sms.quiet-hours", quietHours);
        }
    }

    @Test
    void aCommittedSubmissionSendsExactlyOneSmsAndOneFeedback() {
        JsonObject family = family(0);
        EnrollmentCase c = submit(family);
        String phone = Families.mobile(family);

        SmsMessage sms = await().atMost(ARRIVES)
                .until(
                        () -> history.byKey("case:" + c.caseNumber() + ":1:APPLICATION_RECEIVED")
                                .orElse(null),
                        m -> m != null && m.status() == SmsStatus.DELIVERED);
        assertTrue(sms.text().contains(c.caseNumber()) && sms.text().contains(c.childName()), sms.text());
        assertTrue(sms.segments() >= 2, "a long Chinese text is counted in 67-character parts");

        List<JsonObject> received = outside.smsTo(phone);
        assertEquals(1, received.size(), received::toString);
        assertEquals(sms.text(), received.get(0).getString("text"), "UCS-2 and message_payload carry the text intact");
        assertEquals(sms.gatewayId(), received.get(0).getString("messageId"));

        List<JsonObject> items =
                await().atMost(ARRIVES).until(() -> outside.feedbackOf(c.caseNumber()), l -> !l.isEmpty());
        assertEquals(1, items.size(), items::toString);
        assertEquals(1, items.get(0).getInt("sequence"));
        assertEquals("ACCEPTED:SUBMITTED", items.get(0).getString("status"));
        await().atMost(ARRIVES)
                .until(() -> feedback.ofCase(c.caseNumber()).get(0).sentAt() != null);
        assertEquals(1, outside.smsTo(phone).size(), "still one after the receipt and the commit");
    }

    @Test
    void aRolledBackSubmissionSendsNothing() throws Exception {
        JsonObject rolledBack = family(1);
        String number = inTransaction(() -> {
            EnrollmentCase c = submit(rolledBack);
            tx.setRollbackOnly();
            return c.caseNumber();
        });
        assertTrue(cases.find(number).isEmpty(), "the case was rolled back");
        assertTrue(history.count(new SmsHistory.Filter(PhoneNumber.of(Families.mobile(rolledBack)), null, null)) == 0);

        // A committed case after it: once its SMS and feedback arrived, the rolled-back one's would have too.
        JsonObject marker = family(2);
        EnrollmentCase committed = submit(marker);
        await().atMost(ARRIVES)
                .until(() -> outside.smsTo(Families.mobile(marker)).size() == 1);
        await().atMost(ARRIVES)
                .until(() -> outside.feedbackOf(committed.caseNumber()).size() == 1);
        assertTrue(outside.smsTo(Families.mobile(rolledBack)).isEmpty());
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueAndAReplayNeverSendsTwice() throws Exception {
        inTransaction(() -> {
            jms.createProducer().send(smsOutbound, "not-a-message-id");
            return null;
        });
        DeadLetters.Letter letter = await().atMost(ARRIVES)
                .until(
                        () -> deadLetters.list(DeadLetters.Channel.SMS, 100).stream()
                                .filter(l -> l.body().equals("not-a-message-id"))
                                .findFirst()
                                .orElse(null),
                        l -> l != null);
        assertTrue(letter.reason().contains("not an SMS id"), letter.reason());

        // A letter about an SMS that already went: replayed, it is recognised and nothing is sent again.
        String phone = Families.mobile(family(3));
        String key = "it:replay:" + System.nanoTime();
        long sent = inTransaction(
                () -> notifications.sms(key, PhoneNumber.of(phone), SmsTemplate.LOGIN_CODE, null, "246810", "5"));
        await().atMost(ARRIVES).until(() -> outside.smsWithKey(key).size() == 1);
        await().atMost(ARRIVES).until(() -> history.byKey(key).orElseThrow().status() == SmsStatus.DELIVERED);
        inTransaction(() -> {
            jms.createProducer().send(smsDead, String.valueOf(sent));
            return null;
        });
        DeadLetters.Letter copy = await().atMost(ARRIVES)
                .until(
                        () -> deadLetters.list(DeadLetters.Channel.SMS, 100).stream()
                                .filter(l -> l.body().equals(String.valueOf(sent)))
                                .findFirst()
                                .orElse(null),
                        l -> l != null);
        assertTrue(inTransaction(() -> deadLetters.replay(DeadLetters.Channel.SMS, copy.messageId())));
        await().atMost(ARRIVES).until(() -> deadLetters.list(DeadLetters.Channel.SMS, 100).stream()
                .noneMatch(l -> l.messageId().equals(copy.messageId())));
        // The poison letter replayed goes back to the dead letters with its reason, and the good one was a no-op.
        assertTrue(inTransaction(() -> deadLetters.replay(DeadLetters.Channel.SMS, letter.messageId())));
        await().atMost(ARRIVES).until(() -> deadLetters.list(DeadLetters.Channel.SMS, 100).stream()
                .anyMatch(l -> l.body().equals("not-a-message-id")));
        assertEquals(1, outside.smsWithKey(key).size());
        assertEquals(SmsStatus.DELIVERED, history.byKey(key).orElseThrow().status());
    }

    @Test
    void throttlingAndOutagesDelayButLoseNothing() throws Exception {
        outside.faults("{\"smsc\": {\"throttlePerSecond\": 2}}");
        List<String> keys = new ArrayList<>();
        inTransaction(() -> {
            for (int i = 0; i < 12; i++) {
                String key = "it:throttle:" + i + ":" + System.nanoTime();
                keys.add(key);
                notifications.sms(
                        key, PhoneNumber.of(phone(i)), SmsTemplate.LOGIN_CODE, null, String.valueOf(100000 + i), "5");
            }
            return null;
        });
        for (String key : keys) {
            await().atMost(ARRIVES).until(() -> outside.smsWithKey(key).size() == 1);
        }
        assertTrue(outside.stats().getInt("throttled") > 0, "the SMSC throttled: " + outside.stats());
        outside.faults("{\"smsc\": {\"throttlePerSecond\": 1000}}");

        // The SMSC down: attempts fail and are redelivered with back-off; once it is back, each goes once.
        outside.faults("{\"smsc\": {\"down\": true}}");
        String key = "it:outage:" + System.nanoTime();
        inTransaction(
                () -> notifications.sms(key, PhoneNumber.of(phone(20)), SmsTemplate.LOGIN_CODE, null, "135790", "5"));
        await().atMost(ARRIVES).until(() -> history.byKey(key).orElseThrow().attempts() >= 1);
        assertTrue(outside.smsWithKey(key).isEmpty());
        outside.faults("{\"smsc\": {\"down\": false}}");
        await().atMost(ARRIVES).until(() -> outside.smsWithKey(key).size() == 1);
        await().atMost(ARRIVES).until(() -> history.byKey(key).orElseThrow().status() == SmsStatus.DELIVERED);

        // The provincial platform down: a case's changes wait and arrive later, in order, once each.
        outside.faults("{\"provincial\": {\"down\": true}}");
        EnrollmentCase c = submit(family(4));
        cases.withdraw(c.caseNumber(), "家长撤回（测试）");
        await().atMost(ARRIVES)
                .until(() -> feedback.ofCase(c.caseNumber()).get(0).attempts() >= 1);
        assertTrue(outside.feedbackOf(c.caseNumber()).isEmpty());
        outside.faults("{\"provincial\": {\"down\": false}}");
        List<JsonObject> items =
                await().atMost(ARRIVES).until(() -> outside.feedbackOf(c.caseNumber()), l -> l.size() == 2);
        assertEquals(1, items.get(0).getInt("sequence"));
        assertEquals(2, items.get(1).getInt("sequence"));
        assertEquals("WITHDRAWN:WITHDRAWN", items.get(1).getString("status"));
        assertEquals(
                0, outside.stats().getInt("feedbackOutOfOrder"), outside.stats().toString());
        List<CaseFeedbackItem> ours = feedback.ofCase(c.caseNumber());
        assertTrue(ours.stream().allMatch(f -> f.sentAt() != null));
    }

    @Test
    void aBatchOfSmsGoesOutOnceEachThroughFailuresAndWithinTheNumbersLimit() throws Exception {
        // A fifth of the submissions fail: the batch splits, and each failed SMS is retried on its own.
        outside.faults("{\"smsc\": {\"failRate\": 0.2}}");
        String run = "it:batch:" + System.nanoTime() + ":";
        List<Notifications.SmsRequest> requests = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            requests.add(new Notifications.SmsRequest(
                    run + i,
                    PhoneNumber.of(phone(100 + i)),
                    SmsTemplate.LOGIN_CODE,
                    null,
                    List.of("24" + (1000 + i), "5")));
        }
        // Seven notices to one number: the limit (5 an hour) lets five go and holds two, though they share a batch.
        // (Sign-in codes have their own limits and are not held by this one.)
        for (int i = 0; i < 7; i++) {
            requests.add(new Notifications.SmsRequest(
                    run + "same:" + i,
                    PhoneNumber.of(phone(99)),
                    SmsTemplate.CHECK_FAILED,
                    null,
                    List.of("620123-2027-X-99" + (1000 + i), "户口簿")));
        }
        // Six sign-in codes to one number all go at once: a parent waiting to sign in is never held an hour.
        for (int i = 0; i < 6; i++) {
            requests.add(new Notifications.SmsRequest(
                    run + "codes:" + i,
                    PhoneNumber.of(phone(98)),
                    SmsTemplate.LOGIN_CODE,
                    null,
                    List.of("97531" + i, "5")));
        }
        // The same event twice in one call, and again in a later call: one SMS.
        requests.add(requests.get(3));
        List<Long> first = inTransaction(() -> notifications.smsAll(requests));
        assertEquals(requests.size(), first.size());
        assertEquals(first.get(3), first.get(requests.size() - 1));
        long again = inTransaction(() -> notifications.smsAll(List.of(requests.get(5))))
                .get(0);
        assertEquals(first.get(5), again);

        await().atMost(Duration.ofMinutes(2)).until(() -> outside.stats().getInt("accepted") >= 261);
        List<JsonObject> accepted = outside.sms(1000);
        Set<String> keys = new HashSet<>();
        for (JsonObject m : accepted) {
            assertTrue(keys.add(m.getString("key")), "accepted twice: " + m.getString("key"));
        }
        for (int i = 0; i < 250; i++) {
            assertTrue(keys.contains(run + i), "lost: " + run + i);
        }
        for (int i = 0; i < 6; i++) {
            assertTrue(keys.contains(run + "codes:" + i), "a sign-in code held: " + run + "codes:" + i);
        }
        assertEquals(261, keys.size(), "five of the seven notices to one number, and no more: " + keys.size());
        assertTrue(outside.stats().getInt("failed") > 0, "the SMSC failed some: " + outside.stats());
        List<SmsMessage> same = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            same.add(history.byKey(run + "same:" + i).orElseThrow());
        }
        assertEquals(2, same.stream().filter(m -> m.status() == SmsStatus.HELD).count());
        assertTrue(same.stream().filter(m -> m.status() == SmsStatus.HELD).allMatch(m -> m.notBefore()
                .isAfter(Instant.now().plus(Duration.ofMinutes(50)))));
        await().atMost(ARRIVES)
                .until(() -> history.byKey(run + 249).orElseThrow().status() == SmsStatus.DELIVERED);
    }

    @Test
    void aNonUrgentSmsWaitsOutTheQuietHoursAndALoginCodeDoesNot() throws Exception {
        // the clock is read once: near midnight the date must be the one the window was set on
        java.time.ZonedDateTime start = java.time.ZonedDateTime.now(ZoneId.of("Asia/Shanghai"))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        LocalTime now = start.toLocalTime();
        LocalTime end = now.plusMinutes(30);
        System.setProperty("oneenroll.sms.quiet-hours", now.minusMinutes(1) + "-" + end);
        String quietKey = "it:quiet:" + System.nanoTime();
        String urgentKey = "it:urgent:" + System.nanoTime();
        inTransaction(() -> {
            notifications.sms(
                    quietKey, PhoneNumber.of(phone(30)), SmsTemplate.CHECK_FAILED, null, "620123-2027-X-999998", "户口簿");
            notifications.sms(urgentKey, PhoneNumber.of(phone(31)), SmsTemplate.LOGIN_CODE, null, "864209", "5");
            return null;
        });
        await().atMost(ARRIVES).until(() -> outside.smsWithKey(urgentKey).size() == 1);
        SmsMessage held = await().atMost(ARRIVES)
                .until(() -> history.byKey(quietKey).orElseThrow(), m -> m.status() == SmsStatus.HELD);
        Instant expected = start.toLocalDate()
                .atTime(end)
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant();
        if (end.isBefore(now)) {
            expected = expected.plus(Duration.ofDays(1));
        }
        assertEquals(expected, held.notBefore());
        assertTrue(outside.smsWithKey(quietKey).isEmpty());
        assertFalse(held.handedOver());
    }

    private EnrollmentCase submit(JsonObject family) {
        Stage stage = Families.applies(family, Stage.PRIMARY) ? Stage.PRIMARY : Stage.JUNIOR;
        Declaration d = Families.declare(family, plans.of(RegionCode.of("620123"), VerificationIT.year(), stage));
        return cases.submit(d, PhoneNumber.of(Families.mobile(family)), Channel.ONLINE, null);
    }

    /** The n-th family of a kind no other test class submits: clean, hukou here, living with relatives, primary. */
    private static JsonObject family(int n) {
        return Families.where(
                        "with hukou here, living with relatives, applying for primary",
                        f -> Families.clean(f)
                                && Families.scenario(f).equals("HUKOU_ONLY_RELATIVES")
                                && Families.applies(f, Stage.PRIMARY))
                .get(n);
    }

    /** A mobile number of this test's own, so per-number limits of other tests do not interfere. */
    private static String phone(int n) {
        return String.format("1390931%04d", n);
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        tx.begin();
        try {
            T result = work.call();
            if (tx.getStatus() == jakarta.transaction.Status.STATUS_MARKED_ROLLBACK) {
                tx.rollback();
            } else {
                tx.commit();
            }
            return result;
        } catch (Exception | Error e) {
            if (tx.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
            throw e;
        }
    }
}
