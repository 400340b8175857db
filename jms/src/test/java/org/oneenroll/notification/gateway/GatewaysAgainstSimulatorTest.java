package org.oneenroll.notification.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneenroll.simulator.messaging.MessagingConfig;
import org.oneenroll.simulator.messaging.MessagingSimulator;
import org.oneenroll.simulator.messaging.SmsRecord;
import org.oneenroll.simulator.messaging.SmscSettings;

/** The SMPP and HTTP gateways against the simulated SMSC and SMS provider, in this JVM. */
class GatewaysAgainstSimulatorTest {

    static MessagingSimulator simulator;
    static SmppGateway smpp;
    static final Map<String, Boolean> RECEIPTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        simulator = new MessagingSimulator(MessagingConfig.ephemeral()).start();
        smpp = new SmppGateway(settings("smpp"), RECEIPTS::put);
    }

    @AfterAll
    static void stop() {
        smpp.close();
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        simulator.sms().ticker(System::nanoTime);
    }

    /**
     * Stops the SMSC's throttle window's clock, so what was sent before counts as within the same second however
     * slowly the machine goes.
     */
    static void freezeThrottleClock() {
        long frozen = System.nanoTime();
        simulator.sms().ticker(() -> frozen);
    }

    static GatewaySettings settings(String gateway) {
        URI http = simulator.httpBaseUri();
        return new GatewaySettings(
                gateway,
                simulator.host(),
                simulator.smppPort(),
                MessagingConfig.DEMO_SYSTEM_ID,
                MessagingConfig.DEMO_PASSWORD,
                "10690123",
                http,
                MessagingConfig.DEMO_APP_KEY,
                http,
                MessagingConfig.DEMO_APP_KEY,
                Duration.ofSeconds(3));
    }

    static final String LONG = "【入学一件事】𠀀小明的小学入学申请已受理，办件编号620123-2027-X-000001。系统正在核验户籍、房产等信息，结果将短信告知，也可在“入学一件事”页面查询。";

    @Test
    void smppCarriesLongChineseTextTheKeyAndGetsAReceipt() throws Exception {
        String id = smpp.send(new OutgoingSms("case:1:APPLICATION_RECEIVED", "13800138000", LONG));
        List<SmsRecord> got = simulator.sms().messages("13800138000", null, 10);
        assertEquals(1, got.size());
        assertEquals(LONG, got.get(0).text(), "UCS-2 in message_payload, a character outside the BMP intact");
        assertEquals("case:1:APPLICATION_RECEIVED", got.get(0).key());
        assertEquals(id, got.get(0).messageId());
        assertTrue(got.get(0).segments() >= 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIPTS.containsKey(id));
        assertTrue(RECEIPTS.get(id), "delivered");

        // Sent again (a redelivery after a crash): the SMSC recognises the key and keeps one message.
        assertEquals(id, smpp.send(new OutgoingSms("case:1:APPLICATION_RECEIVED", "13800138000", LONG)));
        assertEquals(1, simulator.sms().messages("13800138000", null, 10).size());
    }

    @Test
    void smppThrottlingIsNotAFailureAndAnOutageIs() throws Exception {
        freezeThrottleClock();
        simulator.faults().setSmsc(SmscSettings.DEFAULT.withThrottlePerSecond(1));
        smpp.send(new OutgoingSms("t:1", "13800138001", "验证码123456"));
        GatewayException throttled = assertThrows(
                GatewayException.class, () -> smpp.send(new OutgoingSms("t:2", "13800138001", "验证码654321")));
        assertTrue(throttled.throttled(), throttled.getMessage());

        simulator.faults().setSmsc(SmscSettings.DEFAULT.withDown(true));
        GatewayException down =
                assertThrows(GatewayException.class, () -> smpp.send(new OutgoingSms("t:3", "13800138002", "验证码")));
        assertFalse(down.throttled(), down.getMessage());

        simulator.faults().setSmsc(SmscSettings.DEFAULT);
        String id = smpp.send(new OutgoingSms("t:4", "13800138002", "验证码111111"));
        assertFalse(id.isBlank(), "the gateway binds again once the SMSC is back");
    }

    @Test
    void httpProviderSendsDeduplicatesAndThrottles() throws Exception {
        HttpSmsGateway http = new HttpSmsGateway(settings("http"));
        freezeThrottleClock();
        String id = http.send(new OutgoingSms("h:1", "13800138003", LONG));
        assertEquals(id, http.send(new OutgoingSms("h:1", "13800138003", LONG)));
        assertEquals(1, simulator.sms().messages("13800138003", null, 10).size());
        assertEquals(
                LONG, simulator.sms().messages("13800138003", null, 10).get(0).text());

        simulator.faults().setSmsc(SmscSettings.DEFAULT.withThrottlePerSecond(1));
        GatewayException e =
                assertThrows(GatewayException.class, () -> http.send(new OutgoingSms("h:2", "13800138004", "码")));
        assertTrue(e.throttled(), e.getMessage());
    }

    @Test
    void theProvincialPlatformStoresAnItemOnceAndRefusesNonsense() throws Exception {
        ProvincialPlatform platform = new ProvincialPlatform(settings("smpp"));
        java.time.Instant at = java.time.Instant.parse("2027-07-01T00:00:00Z");
        platform.send("620123-2027-X-000001:1", "620123-2027-X-000001", 1, "ACCEPTED:SUBMITTED", at, null);
        platform.send("620123-2027-X-000001:1", "620123-2027-X-000001", 1, "ACCEPTED:SUBMITTED", at, null);
        assertEquals(1, simulator.feedback().items("620123-2027-X-000001", 10).size());
        ProvincialPlatform.Refused bad =
                assertThrows(ProvincialPlatform.Refused.class, () -> platform.send("k", "", 0, "", at, null));
        assertTrue(bad.permanent(), bad.getMessage());
    }
}
