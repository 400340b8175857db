package org.oneenroll.notification.perf;

import jakarta.json.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.oneenroll.notification.gateway.GatewaySettings;
import org.oneenroll.notification.gateway.OutgoingSms;
import org.oneenroll.notification.gateway.SmppGateway;
import org.oneenroll.simulator.messaging.MessagingConfig;
import org.oneenroll.simulator.messaging.MessagingSimulator;

/**
 * How many SMPP submits per second one {@link SmppGateway} session carries to the simulated SMSC in this JVM, by
 * number of sending threads: the ceiling the SMS benchmark's consumer works under (docs/PERFORMANCE.md). Run with
 * {@code mvn -q -pl jms test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp -Dmdep.includeScope=test}
 * then {@code java -cp jms/target/classes:jms/target/test-classes:$(cat /tmp/cp)
 * org.oneenroll.notification.perf.SmppCeiling}.
 */
public final class SmppCeiling {

    private SmppCeiling() {}

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (MessagingSimulator sim = new MessagingSimulator(MessagingConfig.ephemeral()).start()) {
            sim.faults()
                    .update(Json.createObjectBuilder()
                            .add(
                                    "smsc",
                                    Json.createObjectBuilder()
                                            .add("throttlePerSecond", 0)
                                            .add("receiptDelayMs", 0))
                            .build());
            URI http = sim.httpBaseUri();
            GatewaySettings settings = new GatewaySettings(
                    "smpp",
                    sim.host(),
                    sim.smppPort(),
                    MessagingConfig.DEMO_SYSTEM_ID,
                    MessagingConfig.DEMO_PASSWORD,
                    "10690123",
                    http,
                    MessagingConfig.DEMO_APP_KEY,
                    http,
                    MessagingConfig.DEMO_APP_KEY,
                    Duration.ofSeconds(3));
            SmppGateway gateway = new SmppGateway(settings, (id, delivered) -> {});
            AtomicInteger sent = new AtomicInteger();
            for (int threads : new int[] {1, 4, 16, 32, 1, 16}) {
                int each = perRound / threads;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long start = System.nanoTime();
                List<Future<?>> senders = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    senders.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            int n = sent.incrementAndGet();
                            gateway.send(new OutgoingSms(
                                    "ceiling:" + n, String.format("1350%07d", n), "【榆中县教育局】您的验证码是123456，10分钟内有效。"));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : senders) {
                    f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("threads %d: %.0f submits per second%n", threads, each * threads / seconds);
                pool.shutdown();
            }
            gateway.close();
        }
        // the simulator's SMPP server leaves non-daemon threads behind
        System.exit(0);
    }
}
