package org.oneenroll.verification.control;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneenroll.simulator.govdata.GovDataPlatform;
import org.oneenroll.simulator.govdata.PlatformConfig;
import org.oneenroll.simulator.govdata.QueryLog;
import org.oneenroll.simulator.govdata.RecordLookup;
import org.oneenroll.simulator.population.CountyLayoutGenerator;
import org.oneenroll.simulator.population.DefectKind;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.Family;
import org.oneenroll.simulator.population.PopulationGenerator;
import org.oneenroll.simulator.population.RegionCatalog;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;
import org.oneenroll.verification.entity.SourceOutcome;

/**
 * The verification client against the simulated government data platform over real HTTP: answers, "no
 * record", outages, hangs, garbage, busy sources, a wrong key, and the circuit breaker opening and closing.
 */
class SourceFanOutTest {

    static final int FAMILIES = 400;
    static final PopulationGenerator GENERATOR = new PopulationGenerator(
            new CountyLayoutGenerator().generate("620123", 2026, 16, 30),
            RegionCatalog.load(),
            2026,
            2027,
            DefectRates.defaults().with(DefectKind.MISSING_HUKOU_RECORD, 0.1));
    static final String FAST = "{\"seed\": 11, \"all\": {\"medianMs\": 5, \"sigma\": 0, \"maxMs\": 50}}";

    static ExecutorService workers;
    GovDataPlatform platform;
    SourceFanOut cut;

    @BeforeAll
    static void workers() {
        workers = Executors.newFixedThreadPool(16);
    }

    @AfterAll
    static void stopWorkers() {
        workers.shutdownNow();
    }

    @BeforeEach
    void start() throws IOException {
        platform = new GovDataPlatform(
                        new RecordLookup(GENERATOR, FAMILIES),
                        PlatformConfig.defaults().withFaults(FAST).withQueryLog(null, false))
                .start(new InetSocketAddress("127.0.0.1", 0));
        cut = fanOut(PlatformConfig.DEMO_KEY, policy());
    }

    @AfterEach
    void stop() {
        platform.stop(Duration.ofSeconds(1));
    }

    static GuardPolicy policy() {
        return GuardPolicy.defaults()
                // generous: a fresh platform's first answer can take a while on a busy machine, and a timeout
                // would add an attempt the tests count
                .withTimeout(Duration.ofSeconds(5))
                .withRetries(3, Duration.ofMillis(20))
                .withCircuit(5, Duration.ofMillis(300));
    }

    SourceFanOut fanOut(String key, GuardPolicy policy) {
        return new SourceFanOut(
                new HttpGovernmentData(platform.baseUri(), key, Duration.ofSeconds(1), Clock.systemUTC()),
                Map.of(),
                policy,
                workers,
                Clock.systemUTC());
    }

    static Family family(boolean missingHukou) {
        for (long i = 0; i < FAMILIES; i++) {
            Family f = GENERATOR.family(i);
            if (f.hasDefect(DefectKind.MISSING_HUKOU_RECORD) == missingHukou
                    && !f.applicants().isEmpty()) {
                return f;
            }
        }
        throw new IllegalStateException("no such family in the sample");
    }

    void faults(String patch) {
        platform.faults().update(Json.createReader(new StringReader(patch)).readObject());
    }

    long queriesTo(GovernmentSource source) {
        return platform.queryLog()
                .find(source.slug(), null, null, null, 100_000)
                .size();
    }

    @Test
    void everySourceIsAskedAtOnceAndTheChildsHukouIsTheRecordOnFile() {
        Family f = family(false);
        String child = f.applicants().get(0).person().idNumber();
        String guardian = f.guardians().get(0).person().idNumber();

        List<SourceAnswer> answers = cut.ask(
                List.of(
                        new Question(GovernmentSource.HUKOU, child),
                        new Question(GovernmentSource.BIRTH_CERTIFICATE, child),
                        new Question(GovernmentSource.SOCIAL_INSURANCE, guardian),
                        new Question(GovernmentSource.REAL_ESTATE_TITLE, guardian)),
                "620123-2027-X-000001");

        assertEquals(4, answers.size());
        SourceAnswer hukou = answers.get(0);
        assertEquals(SourceOutcome.FOUND, hukou.outcome());
        assertEquals(
                f.applicants().get(0).person().name(), hukou.records().get(0).get("name"));
        assertTrue(hukou.queryId() > 0, "the platform's query number is kept with the evidence");
        assertEquals(1, hukou.attempts());
        answers.forEach(a -> assertTrue(a.answered(), a.source() + ": " + a.detail()));
        assertEquals(
                1,
                platform.queryLog()
                        .find("hukou", QueryLog.hash(child), null, null, 10)
                        .size(),
                "the platform logged the question, under the ID's hash");
    }

    @Test
    void aMissingRecordIsAnAnswerNotAnError() {
        String child = family(true).applicants().get(0).person().idNumber();
        SourceAnswer hukou = cut.ask(List.of(new Question(GovernmentSource.HUKOU, child)), "c-2")
                .get(0);
        assertEquals(SourceOutcome.NO_RECORD, hukou.outcome());
        assertNull(hukou.failure());
        assertEquals(1, hukou.attempts(), "no retry for a clear answer");
    }

    @Test
    void aFailingSourceIsRetriedThenReportedWhileTheOthersAnswer() {
        faults("{\"sources\": {\"social-insurance\": {\"errorRate\": 1.0}}}");
        Family f = family(false);
        List<SourceAnswer> answers = cut.ask(
                List.of(
                        new Question(
                                GovernmentSource.SOCIAL_INSURANCE,
                                f.guardians().get(0).person().idNumber()),
                        new Question(
                                GovernmentSource.HUKOU,
                                f.applicants().get(0).person().idNumber())),
                "c-3");

        assertEquals(SourceFailure.SERVER_ERROR, answers.get(0).failure());
        assertEquals(3, answers.get(0).attempts());
        assertEquals(3, queriesTo(GovernmentSource.SOCIAL_INSURANCE));
        assertEquals(SourceOutcome.FOUND, answers.get(1).outcome());
    }

    @Test
    void aHangingSourceCostsTheTimeoutPerAttemptNotTheHang() {
        faults("{\"sources\": {\"real-estate-title\": {\"timeoutRate\": 1.0, \"hangMs\": 30000}}}");
        SourceFanOut quick = fanOut(
                PlatformConfig.DEMO_KEY,
                policy().withTimeout(Duration.ofMillis(200)).withRetries(2, Duration.ofMillis(10)));
        SourceAnswer title = quick.ask(
                        List.of(new Question(
                                GovernmentSource.REAL_ESTATE_TITLE,
                                family(false).guardians().get(0).person().idNumber())),
                        "c-4")
                .get(0);
        assertEquals(SourceFailure.TIMEOUT, title.failure());
        assertEquals(2, title.attempts());
        assertTrue(
                title.latency().compareTo(Duration.ofSeconds(5)) < 0,
                "bounded by the client's timeouts: " + title.latency());
    }

    @Test
    void garbageIsRecognisedAsSuch() {
        faults("{\"sources\": {\"hukou\": {\"malformedRate\": 1.0}}}");
        SourceAnswer hukou = cut.ask(
                        List.of(new Question(
                                GovernmentSource.HUKOU,
                                family(false).applicants().get(0).person().idNumber())),
                        "c-5")
                .get(0);
        assertEquals(SourceFailure.MALFORMED, hukou.failure());
        assertEquals(3, hukou.attempts());
    }

    @Test
    void aBusySourceIsAskedAgainAfterAPause() {
        // the source holds each query a second and the pause is two, so the second query meets the first (BUSY)
        // and its retry does not, however the two worker threads are scheduled
        faults("{\"sources\": {\"marriage\": {\"concurrency\": 1, \"medianMs\": 1000, \"sigma\": 0}}}");
        Family f = family(false);
        String a = f.guardians().get(0).person().idNumber();
        SourceFanOut patient = fanOut(PlatformConfig.DEMO_KEY, policy().withRetries(3, Duration.ofMillis(2000)));
        List<SourceAnswer> answers = patient.ask(
                List.of(new Question(GovernmentSource.MARRIAGE, a), new Question(GovernmentSource.MARRIAGE, a)), "c-6");
        answers.forEach(x -> assertTrue(x.answered(), x.detail()));
        assertEquals(
                List.of(1, 2),
                answers.stream().map(SourceAnswer::attempts).sorted().toList(),
                "one of the two met the source's cap (503 BUSY) and got through on its second attempt");
    }

    @Test
    void aFailingSourceIsNotAskedAgainOnceTheAuthorisationIsWithdrawn() {
        faults("{\"sources\": {\"hukou\": {\"errorRate\": 1.0}}}");
        String child = family(false).applicants().get(0).person().idNumber();
        long before = queriesTo(GovernmentSource.HUKOU);
        AtomicInteger asked = new AtomicInteger();
        SourceAnswer hukou = cut.ask(List.of(new Question(GovernmentSource.HUKOU, child)), "c-10", () -> {
                    asked.incrementAndGet();
                    return false;
                })
                .get(0);
        assertEquals(SourceFailure.SERVER_ERROR, hukou.failure(), "the failure before the withdrawal stands");
        assertEquals(1, hukou.attempts());
        assertEquals(1, asked.get(), "asked once, before the first retry");
        assertEquals(before + 1, queriesTo(GovernmentSource.HUKOU), "the source was asked once");

        SourceAnswer allowed = cut.ask(List.of(new Question(GovernmentSource.HUKOU, child)), "c-11", () -> true)
                .get(0);
        assertEquals(3, allowed.attempts(), "while the authorisation stands, the retries go on");
    }

    @Test
    void aWrongKeyIsRejectedOnceAndNeverRetried() {
        SourceAnswer hukou = fanOut("not-a-key", policy())
                .ask(
                        List.of(new Question(
                                GovernmentSource.HUKOU,
                                family(false).applicants().get(0).person().idNumber())),
                        "c-7")
                .get(0);
        assertEquals(SourceFailure.REJECTED, hukou.failure());
        assertEquals(1, hukou.attempts());
        assertTrue(hukou.detail().contains("401"), hukou.detail());
    }

    @Test
    void anUnreachablePlatformIsReportedQuickly() {
        int port = platform.port();
        platform.stop(Duration.ZERO);
        SourceFanOut down = new SourceFanOut(
                new HttpGovernmentData(
                        URI.create("http://127.0.0.1:" + port),
                        PlatformConfig.DEMO_KEY,
                        Duration.ofMillis(300),
                        Clock.systemUTC()),
                Map.of(),
                policy().withRetries(1, Duration.ofMillis(10)),
                workers,
                Clock.systemUTC());
        SourceAnswer hukou = down.ask(List.of(new Question(GovernmentSource.HUKOU, "620123201910226866")), "c-8")
                .get(0);
        assertEquals(SourceFailure.UNREACHABLE, hukou.failure());
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndATrialClosesIt() {
        faults("{\"sources\": {\"hukou\": {\"errorRate\": 1.0}}}");
        String child = family(false).applicants().get(0).person().idNumber();
        SourceFanOut breaker = fanOut(
                PlatformConfig.DEMO_KEY,
                policy().withRetries(1, Duration.ofMillis(10)).withCircuit(3, Duration.ofSeconds(3)));
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    SourceFailure.SERVER_ERROR,
                    breaker.ask(List.of(new Question(GovernmentSource.HUKOU, child)), "c-9")
                            .get(0)
                            .failure());
        }
        assertEquals(
                SourceGuard.Circuit.OPEN, breaker.guard(GovernmentSource.HUKOU).circuit());
        long asked = queriesTo(GovernmentSource.HUKOU);
        SourceAnswer refused = breaker.ask(List.of(new Question(GovernmentSource.HUKOU, child)), "c-9")
                .get(0);
        assertEquals(SourceFailure.CIRCUIT_OPEN, refused.failure());
        assertEquals(asked, queriesTo(GovernmentSource.HUKOU), "an open circuit does not bother the source");

        faults("{\"sources\": {\"hukou\": {\"errorRate\": 0.0}}}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> breaker.guard(GovernmentSource.HUKOU).circuit() == SourceGuard.Circuit.HALF_OPEN);
        assertEquals(
                SourceOutcome.FOUND,
                breaker.ask(List.of(new Question(GovernmentSource.HUKOU, child)), "c-9")
                        .get(0)
                        .outcome());
        assertEquals(
                SourceGuard.Circuit.CLOSED,
                breaker.guard(GovernmentSource.HUKOU).circuit());
    }
}
