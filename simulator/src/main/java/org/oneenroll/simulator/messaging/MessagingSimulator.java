package org.oneenroll.simulator.messaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The messaging simulator in one process: the SMSC (SMPP 3.4), the HTTP SMS provider and the provincial platform
 * (办件回传), with one admin API. {@code SimulatorMain messaging} runs it from the command line; tests and
 * benchmarks start it in-process:
 *
 * <pre>{@code
 * try (MessagingSimulator sim = new MessagingSimulator(MessagingConfig.ephemeral()).start()) {
 *     session.connectAndBind("127.0.0.1", sim.smppPort(), ...);
 *     http.send(request(sim.httpBaseUri().resolve("/api/v1/sms")), ...);
 * }
 * }</pre>
 */
public final class MessagingSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MessagingSimulator.class.getName());

    private final MessagingConfig config;
    private final MessagingFaults faults;
    private final EventLog log;
    private final SmsCenter center;
    private final CaseFeedbacks feedbacks;
    private final Smsc smsc;
    private final MessagingHttp http;
    private Instant startedAt;
    private boolean started;
    private boolean stopped;

    /** A simulator with {@code config}; nothing listens until {@link #start()}. */
    public MessagingSimulator(MessagingConfig config) throws IOException {
        this.config = config;
        this.faults = new MessagingFaults(config.smsc(), config.provincial(), config.faultSeed());
        this.log = new EventLog(config.logFile());
        this.center = new SmsCenter(faults, config.capacity(), config.receiptAttempts(), config.receiptRetryMs(), log);
        this.feedbacks = new CaseFeedbacks(faults, config.capacity(), log);
        this.smsc = new Smsc(config, center, faults, log);
        this.center.receiptsVia(smsc);
        this.http = new MessagingHttp(config, center, feedbacks, faults, this::stats, this::reset);
    }

    /** Binds both ports (0: a free one each) and returns once both listen. */
    public synchronized MessagingSimulator start() throws IOException {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        InetAddress address = InetAddress.getByName(config.bindAddress());
        try {
            smsc.start(address, config.smppPort());
            http.start(new InetSocketAddress(address, config.httpPort()));
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        startedAt = Instant.now();
        LOG.info(() -> String.format(
                "messaging simulator listening: SMPP %s:%d (system_id %s), HTTP %s; throttle %d/s, fault seed %s",
                address.getHostAddress(),
                smppPort(),
                config.systemId(),
                httpBaseUri(),
                faults.smsc().throttlePerSecond(),
                faults.seed()));
        return this;
    }

    /** The SMSC's port. */
    public int smppPort() {
        return smsc.port();
    }

    /** The HTTP port: SMS provider, provincial platform, admin. */
    public int httpPort() {
        return http.address().getPort();
    }

    /** The host clients connect to: the bind address, or 127.0.0.1 when listening on every address. */
    public String host() {
        InetAddress a = http.address().getAddress();
        return a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
    }

    /** {@code http://host:port}, the base URL of both HTTP APIs and the admin API. */
    public URI httpBaseUri() {
        String h = host();
        return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + httpPort());
    }

    public MessagingConfig config() {
        return config;
    }

    /** The live switches, as {@code PUT /admin/faults} changes them. */
    public MessagingFaults faults() {
        return faults;
    }

    /** The accepted messages of both channels. */
    public SmsCenter sms() {
        return center;
    }

    /** The provincial platform's case feedback. */
    public CaseFeedbacks feedback() {
        return feedbacks;
    }

    /** SMPP sessions bound now. */
    public int sessionsBound() {
        return smsc.sessionsBound();
    }

    /** Everything {@code GET /admin/stats} reports. */
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", startedAt == null ? null : startedAt.toString());
        m.putAll(center.stats());
        m.putAll(feedbacks.stats());
        m.putAll(smsc.sessionStats());
        return m;
    }

    /** {@code POST /admin/reset}: empty stores, zero counts, start-up settings and seed; bound sessions stay. */
    public void reset() {
        faults.reset();
        center.reset();
        feedbacks.reset();
        log.event("RESET").write();
        LOG.info("messaging simulator reset");
    }

    /** Stops both servers and drops every SMPP session; pending deliveries and receipts are abandoned. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (started) {
            smsc.stop();
            http.stop();
        }
        center.close();
        log.close();
        LOG.info("messaging simulator stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
