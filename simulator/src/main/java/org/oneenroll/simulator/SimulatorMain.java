package org.oneenroll.simulator;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.oneenroll.simulator.govdata.GovDataPlatform;
import org.oneenroll.simulator.govdata.PlatformConfig;
import org.oneenroll.simulator.govdata.RecordLookup;
import org.oneenroll.simulator.messaging.MessagingConfig;
import org.oneenroll.simulator.messaging.MessagingSimulator;
import org.oneenroll.simulator.messaging.ProvincialSettings;
import org.oneenroll.simulator.messaging.SmscSettings;
import org.oneenroll.simulator.population.CountyLayout;
import org.oneenroll.simulator.population.CountyLayoutGenerator;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.LayoutJson;
import org.oneenroll.simulator.population.PopulationCensus;
import org.oneenroll.simulator.population.PopulationExport;
import org.oneenroll.simulator.population.PopulationGenerator;
import org.oneenroll.simulator.population.RegionCatalog;

/**
 * Command line of the simulator jar: {@code layout} writes a county layout, {@code population} streams families
 * as NDJSON, {@code serve} runs the government data-sharing platform over HTTP until SIGTERM, {@code messaging} the
 * SMSC, the HTTP SMS provider and the provincial platform until SIGTERM.
 */
public final class SimulatorMain {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final String USAGE =
            """
            usage: java -jar oneenroll-simulator-app.jar <command> [options]
              layout     --county 620123 --seed 2026 --families 5000 [--population-seed N] [--year YYYY]
                         [--schools 16] [--zones 30] --out FILE
              population --county 620123 --seed 7 --families 1000000 [--year YYYY] [--out FILE.ndjson | --out -]
                         [--layout FILE | --layout-seed 2026 --schools 16 --zones 30] [--threads N]
                         [--defects KIND=RATE,...]   (e.g. EXPIRED_RESIDENCE_PERMIT=0.1; 'none' for a clean population)
              serve      --county 620123 [--layout FILE | --layout-seed 2026 --schools 16 --zones 30]
                         [--seed 2026] [--families 5000] [--year YYYY] [--defects KIND=RATE,...]
                         [--port 8180] [--bind 127.0.0.1] [--config FILE.json] [--fault-seed N]
                         [--query-log FILE]   (seed and families default to the layout file's population)
              messaging  [--smpp-port 2775] [--http-port 8182] [--bind 127.0.0.1] [--system-id oneenroll]
                         [--password smsdemo] [--app-key oneenroll-demo-key] [--throttle-per-second 200]
                         [--fail-rate 0] [--receipt-delay-ms 200] [--undeliverable-rate 0]
                         [--provincial-error-rate 0] [--fault-seed N] [--capacity 1000000]
                         [--receipt-attempts 5] [--receipt-retry-ms 1000] [--threads 8] [--log FILE]
            """;

    private SimulatorMain() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out, System.err));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /** Runs a command; returns the process exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        Map<String, String> options = options(args);
        try {
            return switch (args[0]) {
                case "layout" -> layout(options, err);
                case "population" -> population(options, out, err);
                case "serve" -> serve(options, err);
                case "messaging" -> messaging(options, out, err);
                default -> {
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + a);
            }
            m.put(a.substring(2), args[++i]);
        }
        return m;
    }

    private static long number(Map<String, String> o, String key, long fallback) {
        String v = o.get(key);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number: " + v);
        }
    }

    private static int layout(Map<String, String> o, PrintStream err) throws IOException {
        String out = o.get("out");
        if (out == null) {
            throw new IllegalArgumentException("layout needs --out FILE");
        }
        long seed = number(o, "seed", 2026);
        long started = System.nanoTime();
        CountyLayout layout = new CountyLayoutGenerator()
                .generate(
                        o.getOrDefault("county", "620123"),
                        seed,
                        (int) number(o, "schools", 16),
                        (int) number(o, "zones", 30),
                        number(o, "families", 5000),
                        number(o, "population-seed", seed),
                        (int) number(o, "year", comingIntakeYear(LocalDate.now(SHANGHAI))));
        Files.writeString(Path.of(out), LayoutJson.toJson(layout), StandardCharsets.UTF_8);
        err.printf(
                "layout %s %s: %d towns, %d address units, %d schools, %d zones; population %d families, "
                        + "children %s; %d ms%n",
                layout.county().code(),
                layout.county().name(),
                layout.towns().size(),
                layout.addressUnits().size(),
                layout.schools().size(),
                layout.zones().size(),
                layout.population().families(),
                layout.population().childrenByStage(),
                (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    /** The layout of {@code --layout FILE}, or the one generated from {@code --county} and {@code --layout-seed}. */
    private static CountyLayout layout(Map<String, String> o) throws IOException {
        return o.containsKey("layout")
                ? LayoutJson.fromJson(Files.readString(Path.of(o.get("layout")), StandardCharsets.UTF_8))
                : new CountyLayoutGenerator()
                        .generate(
                                o.getOrDefault("county", "620123"),
                                number(o, "layout-seed", 2026),
                                (int) number(o, "schools", 16),
                                (int) number(o, "zones", 30));
    }

    /** The generator {@code population} and {@code serve} share, so both see the same families for the same options. */
    private static PopulationGenerator generator(CountyLayout layout, Map<String, String> o, long defaultSeed) {
        int layoutYear = layout.population() == null ? 0 : layout.population().planYear();
        String spec = o.getOrDefault("defects", "");
        DefectRates rates = spec.equals("none")
                ? DefectRates.none()
                : DefectRates.defaults().with(spec);
        int defaultYear = layoutYear > 0 ? layoutYear : comingIntakeYear(LocalDate.now(SHANGHAI));
        return new PopulationGenerator(
                layout,
                RegionCatalog.load(),
                number(o, "seed", defaultSeed),
                (int) number(o, "year", defaultYear),
                rates);
    }

    private static int population(Map<String, String> o, PrintStream stdout, PrintStream err) throws IOException {
        long families = number(o, "families", 1000);
        PopulationGenerator generator = generator(layout(o), o, 7);
        int threads = (int) number(o, "threads", Runtime.getRuntime().availableProcessors());
        String target = o.get("out");
        long started = System.nanoTime();
        PopulationCensus census;
        if (target == null) {
            census = PopulationExport.writeNdjson(generator, families, null, threads);
        } else if (target.equals("-")) {
            census = PopulationExport.writeNdjson(
                    generator, families, new BufferedOutputStream(stdout, 1 << 20), threads);
        } else {
            try (OutputStream file = new BufferedOutputStream(new FileOutputStream(target), 1 << 20)) {
                census = PopulationExport.writeNdjson(generator, families, file, threads);
            }
        }
        long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        err.printf(
                "families: %d%nchildren by stage: %s%ndefects by kind: %s%nscenarios: %s%n"
                        + "elapsed: %d ms (%d families/s, %d threads)%n",
                census.families(),
                census.childrenByStage(),
                census.defectsByKind(),
                census.scenarios(),
                ms,
                census.families() * 1000 / ms,
                threads);
        return 0;
    }

    private static int serve(Map<String, String> o, PrintStream err) throws IOException {
        GovDataPlatform platform = startPlatform(o, err);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C: answer what is under way (bounded by the grace), then exit
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            long started = System.nanoTime();
                            platform.stop();
                            // java.util.logging may already be reset by its own shutdown hook: say it plainly
                            err.printf(
                                    "government data platform stopped in %d ms%n",
                                    (System.nanoTime() - started) / 1_000_000);
                            stopped.countDown();
                        },
                        "gov-data-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            platform.stop();
        }
        return 0;
    }

    /**
     * Builds and starts the platform from the {@code serve} options. Without {@code --seed} or {@code --families}
     * a layout file's population is served (the demo county's), otherwise seed 2026 and 5,000 families.
     */
    static GovDataPlatform startPlatform(Map<String, String> o, PrintStream err) throws IOException {
        int port = (int) number(o, "port", 8180);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in [0, 65535]: " + port);
        }
        CountyLayout layout = layout(o);
        boolean fromFile = o.containsKey("layout") && layout.population() != null;
        PopulationGenerator generator =
                generator(layout, o, fromFile ? layout.population().seed() : 2026);
        long families = number(o, "families", fromFile ? layout.population().families() : 5000);
        PlatformConfig config = o.containsKey("config")
                ? PlatformConfig.fromJson(Files.readString(Path.of(o.get("config")), StandardCharsets.UTF_8))
                : PlatformConfig.defaults();
        if (o.containsKey("fault-seed")) {
            config = config.withFaultSeed(number(o, "fault-seed", 0));
        }
        if (o.containsKey("query-log")) {
            config = config.withQueryLog(Path.of(o.get("query-log")), config.queryLogStdout());
        }
        GovDataPlatform platform = new GovDataPlatform(new RecordLookup(generator, families), config)
                .start(new InetSocketAddress(o.getOrDefault("bind", "127.0.0.1"), port));
        err.printf(
                "government data platform: %s (county %s, %d families, seed %d); health %s/health%n",
                platform.baseUri(), layout.county().code(), families, generator.seed(), platform.baseUri());
        return platform;
    }

    private static int messaging(Map<String, String> o, PrintStream out, PrintStream err) throws IOException {
        MessagingSimulator simulator = startMessaging(o, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.stop();
                            err.println("messaging simulator stopped");
                            stopped.countDown();
                        },
                        "messaging-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            simulator.stop();
        }
        return 0;
    }

    /**
     * Builds and starts the messaging simulator from the {@code messaging} options and prints the one line a script
     * waits for on {@code out}, once both ports listen (with the ports chosen for 0).
     */
    static MessagingSimulator startMessaging(Map<String, String> o, PrintStream out) throws IOException {
        MessagingConfig config = messagingConfig(o);
        MessagingSimulator simulator = new MessagingSimulator(config).start();
        out.printf(
                "messaging simulator ready: smpp=%s:%d http=%s system_id=%s%n",
                simulator.host(), simulator.smppPort(), simulator.httpBaseUri(), config.systemId());
        out.flush();
        return simulator;
    }

    /** The {@code messaging} options as a configuration; a bad value is refused with the option's name. */
    static MessagingConfig messagingConfig(Map<String, String> o) {
        MessagingConfig d = MessagingConfig.defaults();
        SmscSettings smsc = new SmscSettings(
                whole(o, "throttle-per-second", d.smsc().throttlePerSecond()),
                rate(o, "fail-rate", d.smsc().failRate()),
                number(o, "receipt-delay-ms", d.smsc().receiptDelayMs()),
                rate(o, "undeliverable-rate", d.smsc().undeliverableRate()),
                false);
        return MessagingConfig.builder()
                .bindAddress(o.getOrDefault("bind", d.bindAddress()))
                .smppPort(whole(o, "smpp-port", d.smppPort()))
                .httpPort(whole(o, "http-port", d.httpPort()))
                .credentials(o.getOrDefault("system-id", d.systemId()), o.getOrDefault("password", d.password()))
                .appKey(o.getOrDefault("app-key", d.appKey()))
                .smsc(smsc)
                .provincial(new ProvincialSettings(false, rate(o, "provincial-error-rate", 0)))
                .faultSeed(o.containsKey("fault-seed") ? Long.valueOf(number(o, "fault-seed", 0)) : null)
                .capacity(whole(o, "capacity", d.capacity()))
                .receiptRetry(
                        whole(o, "receipt-attempts", d.receiptAttempts()),
                        number(o, "receipt-retry-ms", d.receiptRetryMs()))
                .threads(whole(o, "threads", d.threads()))
                .logFile(o.containsKey("log") ? Path.of(o.get("log")) : null)
                .build();
    }

    private static int whole(Map<String, String> o, String key, long fallback) {
        long n = number(o, key, fallback);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + key + " is out of range: " + n);
        }
        return (int) n;
    }

    private static double rate(Map<String, String> o, String key, double fallback) {
        String v = o.get(key);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number in [0, 1]: " + v);
        }
    }

    /** The options of a command line without its command, for tests. */
    static Map<String, String> parse(String... args) {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "serve";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        return options(withCommand);
    }

    /**
     * The intake a county prepares now when neither {@code --year} nor a layout file's population says which:
     * from September on, next summer's.
     * OneEnroll's demo plan follows the same rule, so the demo's children are of the right age for it.
     */
    static int comingIntakeYear(LocalDate today) {
        return today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
    }
}
