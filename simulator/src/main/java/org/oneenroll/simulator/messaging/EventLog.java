package org.oneenroll.simulator.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the simulator did, one NDJSON line per event, to a rotating file ({@code --log FILE}: {@code FILE.0},
 * {@code FILE.1}, ..., 5 × 10 MB). Phone numbers are masked and message texts left out; the full records stay in
 * memory for the admin API. Without a file nothing is written. Lines are written by a thread of their own, so the
 * file's lock and flushes never hold up a submit_sm_resp or a receipt.
 */
final class EventLog {

    private static final Logger LOG = Logger.getLogger(EventLog.class.getName());
    private static final int FILE_LIMIT = 10 * 1024 * 1024;
    private static final int FILE_COUNT = 5;
    /** Lines waiting for the writer; past this a caller waits rather than a line being lost. */
    private static final int BACKLOG = 100_000;
    /** Lines written (and flushed) together at most; a file may outgrow its 10 MB by one batch. */
    private static final int BATCH = 1000;
    /** Tells the writer that everything before it is written and it may stop; an event line is never empty. */
    private static final String END = "";

    /** A logger of its own, so two simulators in one JVM (tests) never share handlers. */
    private final Logger lines = Logger.getAnonymousLogger();

    private final boolean enabled;
    private final BlockingQueue<String> backlog = new LinkedBlockingQueue<>(BACKLOG);
    private final Thread writer;
    private volatile boolean closed;

    EventLog(Path file) throws IOException {
        lines.setUseParentHandlers(false);
        lines.setLevel(Level.INFO);
        enabled = file != null;
        if (enabled) {
            FileHandler h = new FileHandler(
                    file.toAbsolutePath().toString().replace("%", "%%") + ".%g", FILE_LIMIT, FILE_COUNT, true);
            h.setEncoding(StandardCharsets.UTF_8.name());
            h.setFormatter(new Formatter() {
                @Override
                public String format(LogRecord r) {
                    return r.getMessage() + System.lineSeparator();
                }
            });
            lines.addHandler(h);
            writer = new Thread(this::writeLines, "messaging-event-log");
            writer.setDaemon(true);
            writer.start();
        } else {
            writer = null;
        }
    }

    /** Starts an event line: {@code {"at": ..., "event": ...}} followed by what {@link Line#put} adds. */
    Line event(String event) {
        return new Line(event);
    }

    /** Writes what is still waiting, then closes the file. */
    void close() {
        if (writer != null && !closed) {
            closed = true;
            try {
                backlog.put(END);
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Handler h : lines.getHandlers()) {
            lines.removeHandler(h);
            try {
                h.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the event log", e);
            }
        }
    }

    /** Writes what waits in batches, one write and flush per batch rather than per line. */
    private void writeLines() {
        List<String> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(backlog.take());
                backlog.drainTo(batch, BATCH - 1);
                int end = batch.indexOf(END);
                List<String> toWrite = end < 0 ? batch : batch.subList(0, end);
                if (!toWrite.isEmpty()) {
                    lines.info(String.join(System.lineSeparator(), toWrite));
                }
                if (end >= 0) {
                    return;
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(String line) {
        if (closed) {
            return;
        }
        try {
            backlog.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One event being put together; nothing is built when the log is off. */
    final class Line {
        private final Map<String, Object> fields;

        private Line(String event) {
            if (enabled) {
                fields = new LinkedHashMap<>();
                fields.put("at", Instant.now().toString());
                fields.put("event", event);
            } else {
                fields = null;
            }
        }

        Line put(String key, Object value) {
            if (fields != null) {
                fields.put(key, value);
            }
            return this;
        }

        void write() {
            if (fields != null) {
                enqueue(JsonText.string(fields));
            }
        }
    }
}
