package org.oneenroll.simulator.messaging;

import java.nio.file.Path;

/**
 * The messaging simulator's start-up configuration; {@code POST /admin/reset} returns to its fault settings.
 *
 * @param bindAddress     address both servers listen on ({@code 127.0.0.1}; {@code 0.0.0.0} for other hosts)
 * @param smppPort        SMSC port, 0 for a free one
 * @param httpPort        HTTP port (SMS provider, provincial platform, admin), 0 for a free one
 * @param systemId        the one SMPP system_id a bind must give (at most 15 characters)
 * @param password        its password (at most 8 characters, the SMPP limit)
 * @param appKey          the {@code X-App-Key} both HTTP APIs require
 * @param smsc            SMSC and SMS provider settings at start
 * @param provincial      provincial platform settings at start
 * @param faultSeed       seed of the failure, undeliverable and error draws; {@code null} for unseeded
 * @param capacity        accepted messages, and case feedback items, held in memory (the oldest dropped first); the
 *                        idempotency key indexes are never trimmed
 * @param receiptAttempts tries per delivery receipt while none is taken (no session, queue full, refused), then dropped
 * @param receiptRetryMs  pause between those tries
 * @param receiptWindow   deliver_sm a receiving session may leave unanswered at once; the rest wait in its queue
 * @param receiptQueue    receipts a receiving session's queue holds; one more is a failed try, retried later
 * @param receiptAnswerMs how long a deliver_sm waits for the client's deliver_sm_resp before it is a failed try
 * @param threads         HTTP worker threads
 * @param logFile         rotating NDJSON event log ({@code FILE.0}, {@code FILE.1}, ...), or {@code null}
 */
public record MessagingConfig(
        String bindAddress,
        int smppPort,
        int httpPort,
        String systemId,
        String password,
        String appKey,
        SmscSettings smsc,
        ProvincialSettings provincial,
        Long faultSeed,
        int capacity,
        int receiptAttempts,
        long receiptRetryMs,
        int receiptWindow,
        int receiptQueue,
        int receiptAnswerMs,
        int threads,
        Path logFile) {

    public static final String DEMO_SYSTEM_ID = "oneenroll";
    public static final String DEMO_PASSWORD = "smsdemo";
    public static final String DEMO_APP_KEY = "oneenroll-demo-key";
    /** What the benchmark (100,000 messages) and the crash test (10,000) need, ten times over. */
    public static final int DEFAULT_CAPACITY = 1_000_000;
    /**
     * Below the 3 PDU threads a jSMPP client has by default, so a client slow to answer receipts always has one
     * left for its submit_sm_resp.
     */
    public static final int DEFAULT_RECEIPT_WINDOW = 2;
    /** The benchmark's 100,000 receipts, on one session. */
    public static final int DEFAULT_RECEIPT_QUEUE = 100_000;
    /** jSMPP's and most operators' response timer. */
    public static final int DEFAULT_RECEIPT_ANSWER_MS = 5000;

    public MessagingConfig {
        check(bindAddress != null && !bindAddress.isBlank(), "bind address is required");
        check(smppPort >= 0 && smppPort <= 65535, "--smpp-port must be in [0, 65535]: " + smppPort);
        check(httpPort >= 0 && httpPort <= 65535, "--http-port must be in [0, 65535]: " + httpPort);
        check(
                systemId != null && !systemId.isEmpty() && systemId.length() <= 15 && ascii(systemId),
                "--system-id must be 1 to 15 ASCII characters: " + systemId);
        check(
                password != null && !password.isEmpty() && password.length() <= 8 && ascii(password),
                "--password must be 1 to 8 ASCII characters (the SMPP limit)");
        check(appKey != null && !appKey.isBlank(), "--app-key must not be blank");
        check(smsc != null && provincial != null, "fault settings are required");
        check(capacity >= 1 && capacity <= 50_000_000, "--capacity must be in [1, 50000000]: " + capacity);
        check(
                receiptAttempts >= 1 && receiptAttempts <= 100,
                "--receipt-attempts must be in [1, 100]: " + receiptAttempts);
        check(
                receiptRetryMs >= 0 && receiptRetryMs <= 600_000,
                "--receipt-retry-ms must be in [0, 600000]: " + receiptRetryMs);
        check(receiptWindow >= 1 && receiptWindow <= 100, "receiptWindow must be in [1, 100]: " + receiptWindow);
        check(
                receiptQueue >= 1 && receiptQueue <= 10_000_000,
                "receiptQueue must be in [1, 10000000]: " + receiptQueue);
        check(
                receiptAnswerMs >= 100 && receiptAnswerMs <= 600_000,
                "receiptAnswerMs must be in [100, 600000]: " + receiptAnswerMs);
        check(threads >= 1 && threads <= 256, "--threads must be in [1, 256]: " + threads);
    }

    /**
     * SMPP on 2775 and HTTP on 8182 at 127.0.0.1, the demo credentials and key, default faults, unseeded, a million
     * messages held, receipts tried 5 times a second apart, 2 deliver_sm unanswered and 100,000 receipts queued per
     * session at most, 8 HTTP threads, no event log.
     */
    public static MessagingConfig defaults() {
        return builder().build();
    }

    /** Starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Both ports 0 (a free one each), everything else as {@link #defaults()}: what tests and benchmarks start. */
    public static MessagingConfig ephemeral() {
        return builder().smppPort(0).httpPort(0).build();
    }

    /** A configuration changed option by option; {@link #build()} checks it. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int smppPort = 2775;
        private int httpPort = 8182;
        private String systemId = DEMO_SYSTEM_ID;
        private String password = DEMO_PASSWORD;
        private String appKey = DEMO_APP_KEY;
        private SmscSettings smsc = SmscSettings.DEFAULT;
        private ProvincialSettings provincial = ProvincialSettings.DEFAULT;
        private Long faultSeed;
        private int capacity = DEFAULT_CAPACITY;
        private int receiptAttempts = 5;
        private long receiptRetryMs = 1000;
        private int receiptWindow = DEFAULT_RECEIPT_WINDOW;
        private int receiptQueue = DEFAULT_RECEIPT_QUEUE;
        private int receiptAnswerMs = DEFAULT_RECEIPT_ANSWER_MS;
        private int threads = 8;
        private Path logFile;

        private Builder() {}

        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        public Builder smppPort(int port) {
            this.smppPort = port;
            return this;
        }

        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder credentials(String system, String secret) {
            this.systemId = system;
            this.password = secret;
            return this;
        }

        public Builder appKey(String key) {
            this.appKey = key;
            return this;
        }

        public Builder smsc(SmscSettings settings) {
            this.smsc = settings;
            return this;
        }

        public Builder provincial(ProvincialSettings settings) {
            this.provincial = settings;
            return this;
        }

        public Builder faultSeed(Long seed) {
            this.faultSeed = seed;
            return this;
        }

        public Builder capacity(int records) {
            this.capacity = records;
            return this;
        }

        public Builder receiptRetry(int attempts, long retryMs) {
            this.receiptAttempts = attempts;
            this.receiptRetryMs = retryMs;
            return this;
        }

        /** Per receiving session: deliver_sm unanswered at once, and receipts waiting behind them, at most. */
        public Builder receiptFlow(int window, int queue) {
            this.receiptWindow = window;
            this.receiptQueue = queue;
            return this;
        }

        /** How long the SMSC waits for the client to answer a deliver_sm (or its own enquire_link). */
        public Builder receiptAnswer(int ms) {
            this.receiptAnswerMs = ms;
            return this;
        }

        public Builder threads(int workers) {
            this.threads = workers;
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the option that is out of range
         */
        public MessagingConfig build() {
            return new MessagingConfig(
                    bindAddress,
                    smppPort,
                    httpPort,
                    systemId,
                    password,
                    appKey,
                    smsc,
                    provincial,
                    faultSeed,
                    capacity,
                    receiptAttempts,
                    receiptRetryMs,
                    receiptWindow,
                    receiptQueue,
                    receiptAnswerMs,
                    threads,
                    logFile);
        }
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
