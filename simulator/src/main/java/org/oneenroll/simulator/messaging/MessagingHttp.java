package org.oneenroll.simulator.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The HTTP side of the messaging simulator, on the JDK server: the SMS provider API and the provincial platform's
 * case feedback API (both behind {@code X-App-Key}), and the admin API for tests and operators (no key).
 */
final class MessagingHttp {

    private static final Logger LOG = Logger.getLogger(MessagingHttp.class.getName());

    static final String SMS_API = "/api/v1/sms";
    static final String FEEDBACK_API = "/api/v1/case-feedback";
    static final String APP_KEY_HEADER = "X-App-Key";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** A message or a feedback is a few hundred bytes; anything past this is refused before it is parsed. */
    private static final int MAX_BODY = 64 * 1024;
    /** More than any real SMS (a 10-part UCS-2 message is 670 characters), far below what would hurt. */
    static final int MAX_TEXT = 5000;

    private static final int MAX_KEY = 100;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");

    static {
        // as for the government data platform: without it each answer waits for the client's delayed ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final MessagingConfig config;
    private final SmsCenter center;
    private final CaseFeedbacks feedbacks;
    private final MessagingFaults faults;
    private final Supplier<Map<String, Object>> stats;
    private final Runnable reset;
    private volatile boolean stopping;
    private HttpServer server;
    private ThreadPoolExecutor workers;

    MessagingHttp(
            MessagingConfig config,
            SmsCenter center,
            CaseFeedbacks feedbacks,
            MessagingFaults faults,
            Supplier<Map<String, Object>> stats,
            Runnable reset) {
        this.config = config;
        this.center = center;
        this.feedbacks = feedbacks;
        this.faults = faults;
        this.stats = stats;
        this.reset = reset;
    }

    void start(InetSocketAddress address) throws IOException {
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(
                config.threads(),
                config.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4096),
                r -> {
                    Thread t = new Thread(r, "messaging-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                // past the queue the accepting thread answers itself: back-pressure instead of dropped sockets
                new ThreadPoolExecutor.CallerRunsPolicy());
        server = HttpServer.create(address, 512);
        server.createContext("/", this::route);
        server.setExecutor(workers);
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    void stop() {
        stopping = true;
        if (server == null) {
            return;
        }
        server.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange x) {
        try {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            byte[] body = x.getRequestBody().readNBytes(MAX_BODY + 1);
            if (path.startsWith(SMS_API + "/")) {
                only(x, "GET", () -> smsStatus(x, path.substring(SMS_API.length() + 1)));
                return;
            }
            switch (path) {
                case SMS_API -> only(x, "POST", () -> sendSms(x, body));
                case FEEDBACK_API -> only(x, "POST", () -> caseFeedback(x, body));
                case "/health" -> only(x, "GET", () -> health(x));
                case "/admin/sms" -> only(x, "GET", () -> adminSms(x));
                case "/admin/feedback" -> only(x, "GET", () -> adminFeedback(x));
                case "/admin/stats" -> only(x, "GET", () -> send(x, 200, stats.get()));
                case "/admin/faults" -> {
                    if (method.equals("PUT")) {
                        updateFaults(x, body);
                    } else {
                        only(x, "GET", () -> send(x, 200, faults.describe()));
                    }
                }
                case "/admin/reset" -> only(x, "POST", () -> {
                    reset.run();
                    send(x, 200, Map.of("status", "RESET"));
                });
                default -> error(x, 404, "NOT_FOUND", "no such endpoint: " + method + " " + path);
            }
        } catch (RuntimeException | IOException e) {
            LOG.log(
                    Level.WARNING,
                    "unexpected failure answering " + x.getRequestURI().getPath(),
                    e);
            error(x, 500, "INTERNAL_ERROR", "unexpected failure: " + e);
        }
    }

    // ---- SMS provider ---------------------------------------------------------------------------------------

    private void sendSms(HttpExchange x, byte[] body) {
        if (!authorised(x)) {
            return;
        }
        SmsSubmission submission;
        try {
            submission = smsRequest(body);
        } catch (IllegalArgumentException e) {
            center.invalid(SmsRecord.Channel.HTTP, e.getMessage());
            error(x, 400, "BAD_REQUEST", e.getMessage());
            return;
        }
        SmsCenter.Outcome o = center.submit(submission);
        switch (o.verdict()) {
            case DOWN -> {
                x.getResponseHeaders().set("Retry-After", "5");
                error(x, 503, "UNAVAILABLE", "the SMS gateway is down; retry later");
            }
            case THROTTLED -> {
                x.getResponseHeaders().set("Retry-After", "1");
                error(
                        x,
                        429,
                        "THROTTLED",
                        "more than " + faults.smsc().throttlePerSecond() + " messages in the last second");
            }
            case FAILED -> error(x, 500, "INTERNAL_ERROR", "simulated gateway error");
            case ACCEPTED, DUPLICATE -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("messageId", o.messageId());
                m.put("duplicate", o.verdict() == SmsCenter.Verdict.DUPLICATE);
                m.put("segments", o.segments());
                send(x, 200, m);
                if (o.verdict() == SmsCenter.Verdict.ACCEPTED) {
                    center.dispatch(o.record());
                }
            }
        }
    }

    /** {@code {"to": "13800138000", "text": "...", "key": "...", "urgent": false}}, checked field by field. */
    private static SmsSubmission smsRequest(byte[] body) {
        JsonObject o = body(body, "{\"to\": \"13800138000\", \"text\": \"...\", \"key\": \"...\", \"urgent\": false}");
        String to = string(o, "to", true);
        if (!PHONE.matcher(to).matches()) {
            throw new IllegalArgumentException("to must be a phone number of 3 to 20 digits (an optional +): " + to);
        }
        String text = string(o, "text", true);
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text is longer than " + MAX_TEXT + " characters");
        }
        String key = string(o, "key", false);
        if (key != null
                && (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("key must be 1 to " + MAX_KEY + " printable ASCII characters");
        }
        JsonValue urgent = o.get("urgent");
        if (urgent != null && urgent != JsonValue.NULL && urgent != JsonValue.TRUE && urgent != JsonValue.FALSE) {
            throw new IllegalArgumentException("urgent must be true or false: " + urgent);
        }
        return SmsSubmission.http(key, to, text, urgent == JsonValue.TRUE);
    }

    private void smsStatus(HttpExchange x, String messageId) {
        if (!authorised(x)) {
            return;
        }
        Optional<SmsRecord> found = center.find(messageId);
        if (found.isEmpty()) {
            error(x, 404, "NOT_FOUND", "no message " + messageId);
            return;
        }
        SmsRecord r = found.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageId", r.messageId());
        m.put("status", r.status());
        m.put("channel", r.channel());
        m.put("to", r.destination());
        m.put("segments", r.segments());
        m.put("key", r.key());
        m.put("acceptedAt", r.acceptedAt().toString());
        m.put("doneAt", r.doneAt() == null ? null : r.doneAt().toString());
        send(x, 200, m);
    }

    // ---- provincial platform --------------------------------------------------------------------------------

    private void caseFeedback(HttpExchange x, byte[] body) {
        if (!authorised(x)) {
            return;
        }
        String key = x.getRequestHeaders().getFirst(IDEMPOTENCY_HEADER);
        CaseFeedback.Submission f;
        try {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(IDEMPOTENCY_HEADER + " header is required");
            }
            if (key.length() > 200) {
                throw new IllegalArgumentException(IDEMPOTENCY_HEADER + " is longer than 200 characters");
            }
            f = CaseFeedback.Submission.parse(body(
                    body,
                    "{\"caseNumber\": \"...\", \"sequence\": 1, \"status\": \"...\", "
                            + "\"occurredAt\": \"2027-07-01T08:00:00Z\", \"detail\": \"...\"}"));
        } catch (IllegalArgumentException e) {
            error(x, 400, "BAD_REQUEST", e.getMessage());
            return;
        }
        CaseFeedbacks.Outcome o = feedbacks.receive(key, f);
        switch (o.verdict()) {
            case DOWN -> {
                x.getResponseHeaders().set("Retry-After", "5");
                error(x, 503, "UNAVAILABLE", "the provincial platform is down; retry later");
            }
            case FAILED -> error(x, 500, "INTERNAL_ERROR", "simulated platform error");
            case ACCEPTED, DUPLICATE -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("accepted", true);
                m.put("duplicate", o.verdict() == CaseFeedbacks.Verdict.DUPLICATE);
                send(x, 200, m);
            }
        }
    }

    // ---- admin ----------------------------------------------------------------------------------------------

    private void health(HttpExchange x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", stopping ? "STOPPING" : "UP");
        m.put("service", "messaging");
        m.put("smscDown", faults.smsc().down());
        m.put("provincialDown", faults.provincial().down());
        send(x, stopping ? 503 : 200, m);
    }

    private void adminSms(HttpExchange x) {
        Map<String, String> p = parameters(x.getRequestURI().getRawQuery());
        Integer limit = limit(x, p);
        if (limit == null) {
            return;
        }
        List<Object> out = new ArrayList<>();
        for (SmsRecord r : center.messages(p.get("to"), p.get("key"), limit)) {
            out.add(r.toMap());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", out.size());
        m.put("messages", out);
        send(x, 200, m);
    }

    private void adminFeedback(HttpExchange x) {
        Map<String, String> p = parameters(x.getRequestURI().getRawQuery());
        Integer limit = limit(x, p);
        if (limit == null) {
            return;
        }
        String caseNumber = p.get("caseNumber");
        List<Object> out = new ArrayList<>();
        for (CaseFeedback f : feedbacks.items(caseNumber, limit)) {
            out.add(f.toMap());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", out.size());
        m.put("items", out);
        m.put("outOfOrder", feedbacks.outOfOrder(caseNumber));
        if (caseNumber != null) {
            m.put("highestSequence", feedbacks.highest(caseNumber));
        }
        send(x, 200, m);
    }

    /** {@code limit} (default 1000, at least 0), or {@code null} after answering 400. */
    private static Integer limit(HttpExchange x, Map<String, String> p) {
        try {
            return p.containsKey("limit") ? Math.max(0, Integer.parseInt(p.get("limit"))) : 1000;
        } catch (NumberFormatException e) {
            error(x, 400, "BAD_REQUEST", "limit must be a whole number: " + p.get("limit"));
            return null;
        }
    }

    private void updateFaults(HttpExchange x, byte[] body) {
        Map<String, Object> result;
        try {
            result = faults.update(body(body, "{\"smsc\": {...}, \"provincial\": {...}}"));
        } catch (IllegalArgumentException e) {
            error(x, 400, "BAD_REQUEST", e.getMessage());
            return;
        }
        LOG.info(
                () -> "faults changed: " + new String(body, StandardCharsets.UTF_8) + " -> " + JsonText.string(result));
        send(x, 200, result);
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    private interface Action {
        void run() throws IOException;
    }

    private static void only(HttpExchange x, String method, Action action) throws IOException {
        if (x.getRequestMethod().equals(method)) {
            action.run();
        } else {
            x.getResponseHeaders().set("Allow", method);
            error(x, 405, "METHOD_NOT_ALLOWED", "use " + method);
        }
    }

    private boolean authorised(HttpExchange x) {
        String key = x.getRequestHeaders().getFirst(APP_KEY_HEADER);
        if (config.appKey().equals(key)) {
            return true;
        }
        error(x, 401, "UNAUTHORIZED", key == null ? "missing " + APP_KEY_HEADER + " header" : "unknown app key");
        return false;
    }

    private static JsonObject body(byte[] body, String shape) {
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("body larger than " + MAX_BODY + " bytes");
        }
        try {
            return JsonText.object(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("body is not a JSON object: " + shape);
        }
    }

    private static String string(JsonObject o, String key, boolean required) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                throw new IllegalArgumentException(key + " is required");
            }
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new IllegalArgumentException(key + " must be a string: " + v);
        }
        if (required && s.getString().isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
        return s.getString();
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

    private static void error(HttpExchange x, int status, String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        send(x, status, m);
    }

    private static void send(HttpExchange x, int status, Object value) {
        byte[] body = JsonText.bytes(value);
        try {
            x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the caller gave up: nothing to answer to
            LOG.log(Level.FINE, "answer not delivered", e);
        } finally {
            x.close();
        }
    }
}
