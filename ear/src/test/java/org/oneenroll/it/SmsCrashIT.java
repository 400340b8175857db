package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.boundary.Notifications;
import org.oneenroll.notification.entity.SmsTemplate;

/**
 * The crash test: while 10,000 SMS are on their way, the test kills its own WildFly with SIGKILL and starts it
 * again; the SMSC must end up with every one of them exactly once. Runs in its own failsafe execution (its own
 * server), after the other integration tests.
 */
// The restarted server is stopped after Arquillian has undeployed from it: extensions' afterAll run in reverse order.
@ExtendWith(SmsCrashIT.RestartedServer.class)
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmsCrashIT {

    static final int COUNT = 10_000;
    static final int PER_TRANSACTION = 250;
    static final String PREFIX = "crash:";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    Notifications notifications;

    @Resource(lookup = "java:jboss/UserTransaction")
    UserTransaction tx;

    @Test
    @Order(1)
    void tenThousandSmsAreQueued() throws Exception {
        MessagingAdmin outside = new MessagingAdmin();
        outside.awaitUp();
        outside.reset();
        // Slow enough that the kill lands mid-way, fast enough to finish in a minute or two.
        outside.faults("{\"smsc\": {\"throttlePerSecond\": 100}}");
        // Keys of this run only: a second run against the same database must send again, not find them sent.
        String run = PREFIX + Long.toString(System.currentTimeMillis(), 36) + ":";
        for (int from = 0; from < COUNT; from += PER_TRANSACTION) {
            tx.begin();
            if (from / PER_TRANSACTION % 2 == 0) {
                // one queue message per SMS, as a case's own events send them
                for (int i = from; i < from + PER_TRANSACTION; i++) {
                    notifications.sms(
                            run + i,
                            PhoneNumber.of(String.format("1370%07d", i)),
                            SmsTemplate.LOGIN_CODE,
                            null,
                            String.format("%06d", i),
                            "5");
                }
            } else {
                // a hundred per queue message, as published results send them
                List<Notifications.SmsRequest> requests = new ArrayList<>();
                for (int i = from; i < from + PER_TRANSACTION; i++) {
                    requests.add(new Notifications.SmsRequest(
                            run + i,
                            PhoneNumber.of(String.format("1370%07d", i)),
                            SmsTemplate.LOGIN_CODE,
                            null,
                            List.of(String.format("%06d", i), "5")));
                }
                notifications.smsAll(requests);
            }
            tx.commit();
        }
    }

    @Test
    @Order(2)
    @RunAsClient
    void aKilledServerLosesNoneAndSendsNoneTwice() throws Exception {
        MessagingAdmin outside = new MessagingAdmin(System.getProperty("oneenroll.it.messaging.url"));
        int before = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> outside.stats().getInt("accepted"), n -> n >= 500);
        assertTrue(before < COUNT, "all were sent before the kill: the test proves nothing");

        ProcessHandle server = wildFly().orElseThrow(() -> new AssertionError("no WildFly process of this build"));
        List<String> command = new ArrayList<>();
        command.add(server.info().command().orElseThrow());
        command.addAll(List.of(server.info().arguments().orElseThrow()));
        server.destroyForcibly();
        server.onExit().get();
        int atKill = outside.stats().getInt("accepted");
        outside.faults("{\"smsc\": {\"throttlePerSecond\": 1000}}");
        System.out.println("SMS accepted by the SMSC when the server was killed: " + atKill + " of " + COUNT);

        File log = new File(System.getProperty("oneenroll.it.jboss.home"), "standalone/log/restart.out");
        RestartedServer.process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/api/health"))
                                                .timeout(Duration.ofSeconds(3))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);

        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> outside.stats().getInt("accepted"), n -> n >= COUNT);
        JsonObject stats = outside.stats();
        System.out.println("After the restart: " + stats);
        List<JsonObject> stored = outside.sms(COUNT + 1000);
        assertEquals(COUNT, stats.getInt("accepted"), "accepted exactly once each");
        assertEquals(COUNT, stored.size());
        String key0 = stored.get(0).getString("key");
        String run = key0.substring(0, key0.lastIndexOf(':') + 1);
        Set<String> keys = new HashSet<>();
        for (JsonObject m : stored) {
            String key = m.getString("key", "");
            assertTrue(key.startsWith(run), "a message of another run: " + key);
            assertTrue(keys.add(key), "stored twice: " + key);
        }
        for (int i = 0; i < COUNT; i++) {
            assertTrue(keys.contains(run + i), "lost: " + run + i);
        }
    }

    /** Stops the server the test started in place of the killed one, once Arquillian has undeployed from it. */
    static final class RestartedServer implements org.junit.jupiter.api.extension.AfterAllCallback {
        static volatile Process process;

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroy();
                if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** The java process of the WildFly this build runs tests on. */
    static Optional<ProcessHandle> wildFly() {
        String home = new File(System.getProperty("oneenroll.it.jboss.home")).getAbsolutePath();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().isPresent())
                .filter(p -> {
                    String args = String.join(" ", p.info().arguments().get());
                    return args.contains("jboss-modules.jar") && args.contains("-Djboss.home.dir=" + home);
                })
                .findFirst();
    }
}
