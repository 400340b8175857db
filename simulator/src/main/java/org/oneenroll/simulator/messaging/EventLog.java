package org.oneenroll.simulator.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the simulator did, one NDJSON line per event, to a rotating file ({@code --log FILE}: {@code FILE.0},
 * {@code FILE.1}, ..., 5 × 10 MB). Phone numbers are masked and message texts left out; the full records stay in
 * memory for the admin API. Without a file nothing is written.
 */
final class EventLog {

    private static final Logger LOG = Logger.getLogger(EventLog.class.getName());
    private static final int FILE_LIMIT = 10 * 1024 * 1024;
    private static final int FILE_COUNT = 5;

    /** A logger of its own, so two simulators in one JVM (tests) never share handlers. */
    private final Logger lines = Logger.getAnonymousLogger();

    private final boolean enabled;

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
        }
    }

    /** Starts an event line: {@code {"at": ..., "event": ...}} followed by what {@link Line#put} adds. */
    Line event(String event) {
        return new Line(event);
    }

    void close() {
        for (Handler h : lines.getHandlers()) {
            lines.removeHandler(h);
            try {
                h.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the event log", e);
            }
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
                lines.info(JsonText.string(fields));
            }
        }
    }
}
