package org.oneenroll.simulator.govdata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.simulator.population.JsonLineWriter;
import org.oneenroll.simulator.population.PopulationGenerator;

/**
 * The government data-sharing platform (政务数据共享平台) over HTTP/JSON: one query endpoint per source, app keys,
 * per-source latency and concurrency caps, injected faults, a query log, and an admin API for tests. Answers wait
 * on a timer rather than on a worker thread, so a few workers carry thousands of slow queries.
 *
 * <p>Health and admin requests never wait behind queries: the HTTP server's own threads only read requests, answer
 * those and hand each query to the query workers. Nothing a request thread does waits on standard output or error
 * (they may be pipes nobody reads): the query log's lines and the platform's own messages go through an
 * {@link Outbox}.
 */
public final class GovDataPlatform implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GovDataPlatform.class.getName());
    static final String API = "/api/v1/sources";
    static final String APP_KEY_HEADER = "X-App-Key";
    /** A query is a few hundred bytes; anything past this is refused before it is parsed. */
    private static final int MAX_BODY = 64 * 1024;
    /** Created once: looking the JSON provider up per request costs more than parsing the request. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    /** Threads that read requests and answer health and admin ones: short work that never waits. */
    private static final int INTAKE_THREADS = 2;
    /** Requests (and, apart, queries) waiting for a thread; past this a query is answered 503 BUSY at once. */
    private static final int BACKLOG = 4096;

    static {
        // The JDK server writes headers and body in two segments; with Nagle's algorithm the body then waits for
        // the client's delayed ACK (about 40 ms), which would swamp the configured latencies. Read once, at the
        // first server's creation, so it is set before any.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final RecordLookup lookup;
    private final PlatformConfig config;
    private final FaultPlan faults;
    private final QueryLog log;
    /** The platform's own messages: off the request threads, as standard error may be stuck. */
    private final Outbox notes = new Outbox("gov-data-log", 1000);

    private final Set<Reply> underway = ConcurrentHashMap.newKeySet();
    private final Object idle = new Object();
    private volatile boolean stopping;
    private HttpServer server;
    private ThreadPoolExecutor intake;
    private ThreadPoolExecutor workers;
    private ScheduledThreadPoolExecutor timer;
    private Instant startedAt;

    /** A platform answering from {@code lookup}'s population; nothing listens until {@link #start}. */
    public GovDataPlatform(RecordLookup lookup, PlatformConfig config) throws IOException {
        this.lookup = lookup;
        this.config = config;
        this.faults = new FaultPlan(config.faults(), config.faultSeed());
        this.log = new QueryLog(config.logCapacity(), config.queryLogFile(), config.queryLogStdout());
    }

    /** Binds and starts serving; port 0 picks a free port (see {@link #port()}). */
    public synchronized GovDataPlatform start(InetSocketAddress address) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        intake = new ThreadPoolExecutor(
                INTAKE_THREADS,
                INTAKE_THREADS,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(BACKLOG),
                threads("gov-data-http"),
                // past the queue the accepting thread answers itself: back-pressure instead of dropped sockets
                // (it never waits long: intake threads hand queries on and never wait on an output)
                new ThreadPoolExecutor.CallerRunsPolicy());
        // a full queue is refused (AbortPolicy): the intake thread then answers the query 503 BUSY at once
        workers = new ThreadPoolExecutor(
                config.threads(),
                config.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(BACKLOG),
                threads("gov-data-worker"));
        timer = new ScheduledThreadPoolExecutor(2, threads("gov-data-timer"));
        timer.setRemoveOnCancelPolicy(true);
        server = HttpServer.create(address, 512);
        server.createContext("/", this::route);
        server.setExecutor(intake);
        server.start();
        startedAt = Instant.now();
        PopulationGenerator g = lookup.generator();
        note(
                Level.INFO,
                null,
                () -> String.format(
                        "government data platform listening on %s: county %s %s, %d families, seed %d, "
                                + "plan year %d, fault seed %s, %d app key(s)",
                        baseUri(),
                        g.layout().county().code(),
                        g.layout().county().name(),
                        lookup.families(),
                        g.seed(),
                        g.planYear(),
                        faults.seed(),
                        config.appKeys().size()));
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port}, the base URL OneEnroll is configured with. */
    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    public FaultPlan faults() {
        return faults;
    }

    public QueryLog queryLog() {
        return log;
    }

    /** Stops within the configured grace: see {@link #stop(Duration)}. */
    public void stop() {
        stop(config.shutdownGrace());
    }

    /**
     * Refuses new queries, ends held ("timeout") queries at once with 503, lets answers already under way go out
     * for up to {@code grace}, then ends the rest with 503 and closes every connection.
     */
    public void stop(Duration grace) {
        synchronized (this) {
            if (server == null || stopping) {
                return;
            }
            stopping = true;
        }
        underway.stream().filter(r -> r.hanging).forEach(Reply::abort);
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            long left;
            while (!underway.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        underway.forEach(Reply::abort);
        server.stop(0);
        timer.shutdownNow();
        workers.shutdown();
        intake.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            if (!intake.awaitTermination(1, TimeUnit.SECONDS)) {
                intake.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
        note(Level.INFO, null, () -> "government data platform stopped");
        notes.close(Duration.ofSeconds(1));
    }

    @Override
    public void close() {
        stop();
    }

    /** On an intake thread: answers health and admin requests, hands queries to the query workers. */
    private void route(HttpExchange x) {
        try {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            if (path.startsWith(API + "/") && path.endsWith("/query")) {
                String slug = path.substring(API.length() + 1, path.length() - "/query".length());
                long arrived = System.nanoTime();
                Instant at = Instant.now();
                try {
                    workers.execute(() -> guarded(x, () -> query(x, slug, arrived, at, false)));
                } catch (RejectedExecutionException e) {
                    query(x, slug, arrived, at, true);
                }
                return;
            }
            drain(x);
            switch (path) {
                case "/health" -> only(x, "GET", () -> health(x));
                case API -> only(x, "GET", () -> send(x, 200, json(catalog())));
                case "/admin/faults" -> {
                    if (method.equals("PUT")) {
                        updateFaults(x);
                    } else {
                        only(x, "GET", () -> send(x, 200, json(faults.describe())));
                    }
                }
                case "/admin/queries" -> only(x, "GET", () -> queries(x));
                case "/admin/stats" -> only(x, "GET", () -> send(x, 200, json(stats())));
                case "/admin/reset" -> only(x, "POST", () -> {
                    faults.reset();
                    log.clear();
                    send(x, 200, json(Map.of("status", "RESET")));
                });
                default -> send(x, 404, error(null, null, "NOT_FOUND", "no such endpoint: " + method + " " + path));
            }
        } catch (Throwable e) {
            failed(x, e);
        }
    }

    /** Runs {@code action} on a query worker; whatever it throws, the exchange is answered and closed. */
    private void guarded(HttpExchange x, Action action) {
        try {
            action.run();
        } catch (Throwable e) {
            failed(x, e);
        }
    }

    /** Answers 500 (if nothing was sent yet) and closes the exchange: no failure leaves a caller hanging. */
    private void failed(HttpExchange x, Throwable e) {
        note(
                Level.WARNING,
                e,
                () -> "unexpected failure answering " + x.getRequestURI().getPath());
        send(x, 500, error(null, null, "INTERNAL_ERROR", "unexpected failure: " + e));
    }

    // ---- source queries -------------------------------------------------------------------------------------

    /**
     * Answers one query; {@code overloaded} when no query worker could take it, so it is turned away BUSY (and
     * logged) at once, on the intake thread.
     */
    private void query(HttpExchange x, String slug, long arrived, Instant at, boolean overloaded) throws IOException {
        Optional<Source> found = Source.bySlug(slug);
        byte[] body = x.getRequestBody().readNBytes(MAX_BODY + 1);
        if (found.isEmpty()) {
            send(x, 404, error(null, null, "UNKNOWN_SOURCE", "no source '" + slug + "'; see GET " + API));
            return;
        }
        Source source = found.get();
        if (!x.getRequestMethod().equals("POST")) {
            x.getResponseHeaders().set("Allow", "POST");
            send(x, 405, error(null, source, "METHOD_NOT_ALLOWED", "query with POST and a JSON body"));
            return;
        }
        String key = x.getRequestHeaders().getFirst(APP_KEY_HEADER);
        String caller = key == null ? null : config.appKeys().get(key);
        Request request = Request.parse(body);
        long queryId = log.nextId();
        if (caller == null) {
            record(queryId, at, null, source, request, 0, Outcome.UNAUTHORIZED, 0);
            send(
                    x,
                    401,
                    error(
                            queryId,
                            request.requestId,
                            source,
                            "UNAUTHORIZED",
                            key == null
                                    ? "missing " + APP_KEY_HEADER + " header"
                                    : "unknown app key in " + APP_KEY_HEADER));
            return;
        }
        if (request.problem != null) {
            record(queryId, at, caller, source, request, 0, Outcome.BAD_REQUEST, 0);
            send(x, 400, error(queryId, request.requestId, source, request.problemCode, request.problem));
            return;
        }
        if (stopping) {
            record(queryId, at, caller, source, request, 0, Outcome.BUSY, 0);
            x.getResponseHeaders().set("Retry-After", "5");
            send(x, 503, error(queryId, request.requestId, source, "SHUTTING_DOWN", "the platform is stopping"));
            return;
        }
        if (overloaded) {
            record(queryId, at, caller, source, request, 0, Outcome.BUSY, 0);
            x.getResponseHeaders().set("Retry-After", "1");
            send(
                    x,
                    503,
                    error(
                            queryId,
                            request.requestId,
                            source,
                            "BUSY",
                            "the platform is overloaded (" + BACKLOG + " queries waiting); retry later"));
            return;
        }
        if (!faults.tryAcquire(source)) {
            record(queryId, at, caller, source, request, 0, Outcome.BUSY, 0);
            x.getResponseHeaders().set("Retry-After", "1");
            send(
                    x,
                    503,
                    error(
                            queryId,
                            request.requestId,
                            source,
                            "BUSY",
                            "source " + source.slug() + " is at its concurrency limit ("
                                    + faults.settings(source).concurrency() + "); retry later"));
            return;
        }
        Reply reply = new Reply(x, source, queryId, request.requestId);
        underway.add(reply);
        try {
            answer(reply, arrived, at, caller, request);
        } catch (RuntimeException | Error e) {
            // the reply must still go, and give its slot back
            note(Level.WARNING, e, () -> "query " + queryId + " on " + source.slug() + " failed");
            record(queryId, at, caller, source, request, 0, Outcome.ERROR, 0);
            reply.complete(500, error(queryId, request.requestId, source, "INTERNAL_ERROR", "lookup failed"));
        }
    }

    private void answer(Reply reply, long arrived, Instant at, String caller, Request request) {
        Source source = reply.source;
        FaultPlan.Decision d = faults.decide(source);
        long queryId = reply.queryId;
        switch (d.planned()) {
            case ERROR -> {
                record(queryId, at, caller, source, request, d.delayMs(), Outcome.ERROR, 0);
                reply.later(
                        500,
                        error(queryId, request.requestId, source, "INTERNAL_ERROR", "simulated server error"),
                        remaining(arrived, d.delayMs()));
            }
            case TIMEOUT -> {
                record(queryId, at, caller, source, request, d.delayMs(), Outcome.TIMEOUT, 0);
                reply.hanging = true;
                reply.later(
                        504,
                        error(
                                queryId,
                                request.requestId,
                                source,
                                "GATEWAY_TIMEOUT",
                                "simulated timeout: held " + d.delayMs() + " ms"),
                        remaining(arrived, d.delayMs()));
            }
            default -> {
                List<Map<String, Object>> rows = lookup.find(source, request.idNumber);
                Outcome outcome = d.planned() == FaultPlan.Planned.MALFORMED
                        ? Outcome.MALFORMED
                        : rows.isEmpty() ? Outcome.NO_RECORD : Outcome.FOUND;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("queryId", queryId);
                m.put("requestId", request.requestId);
                m.put("source", source.slug());
                m.put("outcome", rows.isEmpty() ? Outcome.NO_RECORD : Outcome.FOUND);
                m.put("asOf", lookup.generator().asOf());
                m.put("count", rows.size());
                m.put("records", rows);
                byte[] bytes = json(m);
                if (outcome == Outcome.MALFORMED) {
                    // cut inside the outer object: never parses, as after a gateway dropped the rest
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    bytes = text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8);
                }
                record(queryId, at, caller, source, request, d.delayMs(), outcome, rows.size());
                reply.later(200, bytes, remaining(arrived, d.delayMs()));
            }
        }
    }

    private static long remaining(long arrivedNanos, long delayMs) {
        return Math.max(0, delayMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrivedNanos));
    }

    private void record(
            long queryId,
            Instant at,
            String caller,
            Source source,
            Request request,
            long latencyMs,
            Outcome outcome,
            int records) {
        log.add(new QueryLogEntry(
                queryId,
                at,
                caller,
                source.slug(),
                request.idNumber == null ? null : QueryLog.hash(request.idNumber),
                request.requestId,
                request.purpose,
                latencyMs,
                outcome,
                records));
    }

    /** An answer on its way: sent once, by the timer or by a stop, and its slot given back either way. */
    private final class Reply {
        private final HttpExchange exchange;
        private final Source source;
        private final long queryId;
        private final String requestId;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile ScheduledFuture<?> timerTask;
        private volatile boolean hanging;

        Reply(HttpExchange exchange, Source source, long queryId, String requestId) {
            this.exchange = exchange;
            this.source = source;
            this.queryId = queryId;
            this.requestId = requestId;
        }

        void later(int status, byte[] body, long delayMs) {
            try {
                timerTask = timer.schedule(() -> complete(status, body), delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                complete(status, body);
            }
        }

        void complete(int status, byte[] body) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            try {
                send(exchange, status, body);
            } finally {
                faults.release(source);
                underway.remove(this);
                synchronized (idle) {
                    if (underway.isEmpty()) {
                        idle.notifyAll();
                    }
                }
            }
        }

        void abort() {
            ScheduledFuture<?> task = timerTask;
            if (task != null) {
                task.cancel(false);
            }
            complete(503, error(queryId, requestId, source, "SHUTTING_DOWN", "the platform is stopping"));
        }
    }

    /** A query body; a problem is kept rather than thrown, so even a bad query is logged with what it had. */
    private static final class Request {
        String idNumber;
        String purpose;
        String requestId;
        String problem;
        String problemCode = "BAD_REQUEST";

        static Request parse(byte[] body) {
            Request r = new Request();
            if (body.length > MAX_BODY) {
                r.problem = "body larger than " + MAX_BODY + " bytes";
                return r;
            }
            JsonObject o;
            try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
                o = reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                r.problem = "body is not a JSON object: {\"idNumber\": \"...\", \"purpose\": \"...\", "
                        + "\"requestId\": \"...\"}";
                return r;
            }
            r.idNumber = text(o, "idNumber");
            r.purpose = text(o, "purpose");
            r.requestId = text(o, "requestId");
            if (r.idNumber == null || r.idNumber.isBlank()) {
                r.problem = "idNumber is required";
                r.problemCode = "MISSING_FIELD";
            } else if (r.purpose == null || r.purpose.isBlank()) {
                r.problem = "purpose is required: say why the data is needed (用途), e.g. a case number";
                r.problemCode = "MISSING_FIELD";
            } else if (!RecordLookup.isValid(r.idNumber)) {
                r.problem = "idNumber is not a valid 18-character identity number (GB 11643)";
                r.problemCode = "INVALID_ID_NUMBER";
            }
            if (r.idNumber != null) {
                r.idNumber = RecordLookup.normalise(r.idNumber);
            }
            return r;
        }

        private static String text(JsonObject o, String key) {
            JsonValue v = o.get(key);
            return v instanceof JsonString s ? s.getString() : null;
        }
    }

    // ---- health, catalogue, admin -----------------------------------------------------------------------------

    private void health(HttpExchange x) {
        PopulationGenerator g = lookup.generator();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", stopping ? "STOPPING" : "UP");
        m.put("service", "gov-data-platform");
        m.put("county", g.layout().county().code());
        m.put("countyName", g.layout().county().name());
        m.put("families", lookup.families());
        m.put("seed", g.seed());
        m.put("planYear", g.planYear());
        m.put("asOf", g.asOf());
        m.put("sources", Source.values().length);
        send(x, stopping ? 503 : 200, json(m));
    }

    private static Map<String, Object> catalog() {
        List<Object> sources = new ArrayList<>();
        for (Source s : Source.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", s.slug());
            m.put("name", s.chineseName());
            m.put("provider", s.provider());
            m.put("path", API + "/" + s.slug() + "/query");
            m.put("queriedBy", s.queriedBy());
            List<Object> fields = new ArrayList<>();
            for (SourceField<?> f : s.fields()) {
                Map<String, Object> field = new LinkedHashMap<>();
                field.put("name", f.name());
                field.put("chinese", f.chinese());
                fields.add(field);
            }
            m.put("fields", fields);
            sources.add(m);
        }
        return Map.of("sources", sources);
    }

    private void updateFaults(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readNBytes(MAX_BODY);
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            faults.update(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            send(x, 400, error(null, null, "BAD_REQUEST", "body is not a JSON object"));
            return;
        } catch (IllegalArgumentException e) {
            send(x, 400, error(null, null, "BAD_REQUEST", e.getMessage()));
            return;
        }
        note(Level.INFO, null, () -> "faults changed: " + new String(body, StandardCharsets.UTF_8));
        send(x, 200, json(faults.describe()));
    }

    private void queries(HttpExchange x) {
        Map<String, String> p = parameters(x.getRequestURI().getRawQuery());
        Instant since = null;
        int limit = 1000;
        try {
            if (p.containsKey("since")) {
                since = Instant.parse(p.get("since"));
            }
            if (p.containsKey("limit")) {
                limit = Integer.parseInt(p.get("limit"));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            send(
                    x,
                    400,
                    error(
                            null,
                            null,
                            "BAD_REQUEST",
                            "since is an ISO-8601 instant (2026-06-01T08:00:00Z), " + "limit a number"));
            return;
        }
        List<Object> out = new ArrayList<>();
        for (QueryLogEntry e : log.find(p.get("source"), p.get("idHash"), p.get("caller"), since, Math.max(0, limit))) {
            out.add(e.toMap());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", out.size());
        m.put("queries", out);
        send(x, 200, json(m));
    }

    private Map<String, Object> stats() {
        Map<String, Object> counts = log.counts();
        Map<String, Object> sources = new LinkedHashMap<>();
        for (Source s : Source.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) counts.get(s.slug()));
            m.put("inFlight", faults.inFlight(s));
            m.put("peakInFlight", faults.peak(s));
            sources.put(s.slug(), m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", startedAt.toString());
        m.put("answersUnderway", underway.size());
        m.put("queriesWaiting", workers.getQueue().size());
        m.put("queryLogLinesDropped", log.droppedLines());
        m.put("sources", sources);
        return m;
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private interface Action {
        void run() throws IOException;
    }

    private void only(HttpExchange x, String method, Action action) throws IOException {
        if (x.getRequestMethod().equals(method)) {
            action.run();
        } else {
            x.getResponseHeaders().set("Allow", method);
            send(x, 405, error(null, null, "METHOD_NOT_ALLOWED", "use " + method));
        }
    }

    /** Reads what is left of a request body, so the connection can be reused; bounded like a query. */
    private static void drain(HttpExchange x) throws IOException {
        if (!x.getRequestMethod().equals("PUT")) {
            try (InputStream in = x.getRequestBody()) {
                in.readNBytes(MAX_BODY);
            }
        }
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> m = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return m;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!v.isEmpty()) {
                m.put(k, v);
            }
        }
        return m;
    }

    private static byte[] json(Object value) {
        return new JsonLineWriter().value(value).toByteArray();
    }

    private static byte[] error(Long queryId, String requestId, Source source, String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (queryId != null) {
            m.put("queryId", queryId);
        }
        m.put("requestId", requestId);
        m.put("source", source == null ? null : source.slug());
        m.put("outcome", "ERROR");
        m.put("code", code);
        m.put("message", message);
        return json(m);
    }

    private static byte[] error(String requestId, Source source, String code, String message) {
        return error(null, requestId, source, code, message);
    }

    /** Sends one answer and closes the exchange, whatever happens; never throws for a caller that went away. */
    private void send(HttpExchange x, int status, byte[] body) {
        try {
            x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the caller gave up (its own timeout): nothing to answer to
            if (LOG.isLoggable(Level.FINE)) {
                note(Level.FINE, e, () -> "answer not delivered");
            }
        } finally {
            x.close();
        }
    }

    /**
     * Logs off the calling thread: the console handler writes to standard error, which may be a pipe nobody reads.
     * A message that finds the outbox full is dropped rather than waited for.
     */
    private void note(Level level, Throwable thrown, Supplier<String> message) {
        notes.offer(() -> LOG.log(level, thrown, message));
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
