package org.oneenroll.verification.perf;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.oneenroll.simulator.govdata.GovDataPlatform;
import org.oneenroll.simulator.govdata.PlatformConfig;
import org.oneenroll.simulator.govdata.QueryLogEntry;
import org.oneenroll.simulator.govdata.RecordLookup;
import org.oneenroll.simulator.population.CountyLayoutGenerator;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.Family;
import org.oneenroll.simulator.population.PopulationGenerator;
import org.oneenroll.simulator.population.RegionCatalog;
import org.oneenroll.verification.control.GuardPolicy;
import org.oneenroll.verification.control.HttpGovernmentData;
import org.oneenroll.verification.control.SourceFanOut;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.SourceAnswer;

/**
 * Issue 3's benchmark: the verification fan-out against the simulated platform with 4 sources at a median
 * of 200 ms (log-normal tail), over real HTTP on loopback. Every figure is a ratio to a baseline measured in
 * the same run: a case's time against its own slowest source; throughput against what the sources'
 * concurrency caps allow at the latencies the platform actually applied; with one source down, the other
 * sources' latency against the same sources' latency with none down.
 *
 * <p>Run: {@code mvn -o -q -pl ejb test-compile exec:java -Dexec.mainClass=org.oneenroll.verification.perf.VerificationBenchmark -Dexec.classpathScope=test}
 * (arguments: cases, default 10000; cases in flight, default 100).
 */
public final class VerificationBenchmark {

    static final List<GovernmentSource> SOURCES = List.of(
            GovernmentSource.HUKOU,
            GovernmentSource.BIRTH_CERTIFICATE,
            GovernmentSource.SOCIAL_INSURANCE,
            GovernmentSource.REAL_ESTATE_TITLE);
    static final int CAP = 50;
    static final int FAMILIES = 20_000;

    private VerificationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        PopulationGenerator generator = new PopulationGenerator(
                new CountyLayoutGenerator().generate("620123", 2026, 16, 30),
                RegionCatalog.load(),
                2026,
                2027,
                DefectRates.defaults());
        List<List<Question>> work = new ArrayList<>();
        for (long i = 0; i < FAMILIES && work.size() < FAMILIES; i++) {
            Family f = generator.family(i);
            if (!f.applicants().isEmpty()) {
                String child = f.applicants().get(0).person().idNumber();
                String guardian = f.guardians().get(0).person().idNumber();
                work.add(List.of(
                        new Question(GovernmentSource.HUKOU, child),
                        new Question(GovernmentSource.BIRTH_CERTIFICATE, child),
                        new Question(GovernmentSource.SOCIAL_INSURANCE, guardian),
                        new Question(GovernmentSource.REAL_ESTATE_TITLE, guardian)));
            }
        }
        PlatformConfig config = PlatformConfig.defaults()
                .withQueryLog(null, false)
                .withFaults(
                        "{\"seed\": 2026, \"all\": {\"medianMs\": 200, \"sigma\": 0.5, \"maxMs\": 5000, \"concurrency\": "
                                + CAP + "}}");
        ExecutorService workers = Executors.newFixedThreadPool(4 * CAP + 16);
        try (GovDataPlatform platform = new GovDataPlatform(new RecordLookup(generator, FAMILIES), config)
                .start(new InetSocketAddress("127.0.0.1", 0))) {
            GuardPolicy policy = GuardPolicy.defaults().withBulkhead(CAP, Duration.ofSeconds(30));
            SourceFanOut fanOut = new SourceFanOut(
                    new HttpGovernmentData(
                            platform.baseUri(), PlatformConfig.DEMO_KEY, Duration.ofSeconds(2), Clock.systemUTC()),
                    Map.of(),
                    policy,
                    workers,
                    Clock.systemUTC());

            System.out.println("warm-up...");
            run(fanOut, work, 400, 50);
            platform.queryLog().clear();

            // 1. One case at a time: the case's time against its slowest source.
            double[] ratios = new double[100];
            for (int i = 0; i < ratios.length; i++) {
                long start = System.nanoTime();
                List<SourceAnswer> answers = fanOut.ask(work.get(i), "bench-" + i);
                long elapsed = System.nanoTime() - start;
                long slowest = answers.stream()
                        .mapToLong(a -> a.latency().toNanos())
                        .max()
                        .orElse(1);
                ratios[i] = (double) elapsed / slowest;
            }
            Arrays.sort(ratios);

            // 2. Throughput: many cases at once against the caps.
            platform.queryLog().clear();
            long start = System.nanoTime();
            Result r = run(fanOut, work, cases, inFlight);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<QueryLogEntry> log = platform.queryLog().find(null, null, null, null, Integer.MAX_VALUE);
            double meanLatencyMs =
                    log.stream().mapToLong(QueryLogEntry::latencyMs).average().orElse(1);
            double allowedCasesPerSecond = CAP / (meanLatencyMs / 1000.0);
            double casesPerSecond = cases / seconds;

            // 3. One source down (every query hangs): the others' latency against their latency in run 2.
            double baselineP95 = percentile(r.otherLatenciesMs, 0.95);
            platform.faults()
                    .update(Json.createReader(new StringReader(
                                    "{\"sources\": {\"social-insurance\": {\"timeoutRate\": 1.0, \"hangMs\": 60000}}}"))
                            .readObject());
            long downStart = System.nanoTime();
            Result down = run(fanOut, work, 2_000, inFlight);
            double downSeconds = (System.nanoTime() - downStart) / 1e9;

            System.out.printf(
                    "cases: %d, in flight: %d, answered: %d/%d queries%n",
                    cases, inFlight, r.answered.get(), cases * SOURCES.size());
            System.out.printf("fan-out ratio: %.2f%n", ratios[(int) (ratios.length * 0.95)]);
            System.out.printf("fan-out ratio median: %.2f%n", ratios[ratios.length / 2]);
            System.out.printf("verification cases per second: %.1f%n", casesPerSecond);
            System.out.printf(
                    "caps allow cases per second: %.1f (cap %d / mean applied latency %.0f ms)%n",
                    allowedCasesPerSecond, CAP, meanLatencyMs);
            System.out.printf("verification throughput ratio: %.2f%n", casesPerSecond / allowedCasesPerSecond);
            System.out.printf(
                    "one source down: %d cases finished in %.1f s, %d answers from the down source were errors%n",
                    2_000, downSeconds, down.errors.get());
            System.out.printf(
                    "one source down, other sources p95 ratio: %.2f (%.0f ms against %.0f ms)%n",
                    percentile(down.otherLatenciesMs, 0.95) / baselineP95,
                    percentile(down.otherLatenciesMs, 0.95),
                    baselineP95);
            System.out.printf(
                    "one source down, circuit: %s%n",
                    fanOut.guard(GovernmentSource.SOCIAL_INSURANCE).circuit());
        } finally {
            workers.shutdownNow();
        }
    }

    /** What a run saw: answered queries, errors of the social-insurance source, other sources' latencies. */
    record Result(AtomicInteger answered, AtomicInteger errors, List<Long> otherLatenciesMs) {}

    static Result run(SourceFanOut fanOut, List<List<Question>> work, int cases, int inFlight)
            throws InterruptedException {
        Result result = new Result(
                new AtomicInteger(), new AtomicInteger(), java.util.Collections.synchronizedList(new ArrayList<>()));
        Semaphore slots = new Semaphore(inFlight);
        ExecutorService caseRunner = Executors.newFixedThreadPool(inFlight);
        for (int i = 0; i < cases; i++) {
            List<Question> questions = work.get(i % work.size());
            String purpose = "bench-" + i;
            slots.acquire();
            caseRunner.execute(() -> {
                try {
                    for (SourceAnswer a : fanOut.ask(questions, purpose)) {
                        if (a.answered()) {
                            result.answered.incrementAndGet();
                        } else if (a.source() == GovernmentSource.SOCIAL_INSURANCE) {
                            result.errors.incrementAndGet();
                        }
                        if (a.source() != GovernmentSource.SOCIAL_INSURANCE && a.answered()) {
                            result.otherLatenciesMs.add(a.latency().toMillis());
                        }
                    }
                } finally {
                    slots.release();
                }
            });
        }
        slots.acquire(inFlight);
        caseRunner.shutdown();
        return result;
    }

    static double percentile(List<Long> values, double p) {
        long[] sorted;
        synchronized (values) {
            sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
