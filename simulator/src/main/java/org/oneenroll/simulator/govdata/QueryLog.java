package org.oneenroll.simulator.govdata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.oneenroll.simulator.population.JsonLineWriter;

/**
 * Every query the platform received: the newest {@code capacity} in memory for {@code GET /admin/queries}, counts
 * per source and outcome since the last reset, and one NDJSON line each to a rotating file and/or standard output.
 */
public final class QueryLog {

    private static final Logger LOG = Logger.getLogger(QueryLog.class.getName());
    /** Rotation: 5 files of 10 MB, about 200,000 lines each. */
    private static final int FILE_LIMIT = 10 * 1024 * 1024;

    private static final int FILE_COUNT = 5;
    /** Lines waiting for standard output; past this (about 3 MB) they are dropped rather than waited for. */
    private static final int CONSOLE_BACKLOG = 10_000;

    private final int capacity;
    private final ArrayDeque<QueryLogEntry> entries;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Source, EnumMap<Outcome, LongAdder>> counts = new EnumMap<>(Source.class);
    /** A logger of its own, so two platforms in one JVM (tests) never share handlers. */
    private final Logger lines = Logger.getAnonymousLogger();

    /** Whether lines go to the rotating file: written at once, so a test that has its answer finds the line. */
    private final boolean toFile;
    /** Standard output (or a test's stand-in), or {@code null}. */
    private final OutputStream console;

    private final Outbox printer;

    /**
     * @param capacity entries kept in memory, the oldest dropped first
     * @param file     rotating NDJSON file ({@code file}, {@code file.1}, ...), or {@code null}
     * @param stdout   whether to print each line on standard output as well ({@link System#out} as it is now)
     */
    public QueryLog(int capacity, Path file, boolean stdout) throws IOException {
        this(capacity, file, stdout ? System.out : null);
    }

    /** As above, printing each line on {@code console} when it is not {@code null}. */
    QueryLog(int capacity, Path file, OutputStream console) throws IOException {
        if (capacity < 1) {
            throw new IllegalArgumentException("query log capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1 << 16));
        for (Source s : Source.values()) {
            EnumMap<Outcome, LongAdder> m = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                m.put(o, new LongAdder());
            }
            counts.put(s, m);
        }
        lines.setUseParentHandlers(false);
        lines.setLevel(Level.INFO);
        if (file != null) {
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
        this.toFile = file != null;
        this.console = console;
        // Standard output may be a pipe nobody reads: printed by a thread of its own, never by the query's
        this.printer = console == null ? null : new Outbox("gov-data-query-log-stdout", CONSOLE_BACKLOG);
    }

    /** A log that only keeps memory, for tests. */
    public static QueryLog inMemory(int capacity) {
        try {
            return new QueryLog(capacity, null, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next query id; ids keep rising across resets so an answer's id is never reused. */
    long nextId() {
        return ids.incrementAndGet();
    }

    void add(QueryLogEntry entry) {
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        Source.bySlug(entry.source())
                .ifPresent(s -> counts.get(s).get(entry.outcome()).increment());
        if (toFile || console != null) {
            JsonLineWriter w = new JsonLineWriter();
            w.value(entry.toMap());
            String line = new String(w.toByteArray(), StandardCharsets.UTF_8);
            if (toFile) {
                lines.info(line);
            }
            if (console != null) {
                byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
                printer.offer(() -> print(bytes));
            }
        }
    }

    private void print(byte[] bytes) {
        try {
            console.write(bytes);
            console.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines standard output did not get: it was stuck (nobody reading) or failed, and they were not waited for. */
    public long droppedLines() {
        return printer == null ? 0 : printer.dropped();
    }

    /**
     * The kept entries matching every given filter ({@code null} matches all), oldest first, at most {@code limit}
     * of the newest.
     */
    public List<QueryLogEntry> find(String source, String idHash, String caller, Instant since, int limit) {
        List<QueryLogEntry> out = new ArrayList<>();
        synchronized (entries) {
            for (QueryLogEntry e : entries) {
                if ((source == null || source.equals(e.source()))
                        && (idHash == null || idHash.equals(e.idHash()))
                        && (caller == null || caller.equals(e.caller()))
                        && (since == null || !e.at().isBefore(since))) {
                    out.add(e);
                }
            }
        }
        return out.size() <= limit ? out : List.copyOf(out.subList(out.size() - limit, out.size()));
    }

    /** Queries per source and outcome since the last reset (not bounded by the capacity). */
    public Map<String, Object> counts() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Source s : Source.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            long total = 0;
            for (Map.Entry<Outcome, LongAdder> e : counts.get(s).entrySet()) {
                long n = e.getValue().sum();
                total += n;
                if (n > 0) {
                    m.put(e.getKey().name(), n);
                }
            }
            m.put("total", total);
            out.put(s.slug(), m);
        }
        return out;
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
        counts.values().forEach(m -> m.values().forEach(LongAdder::reset));
    }

    /** Flushes and closes the file; lines still waiting for standard output get a second, which stays open. */
    public void close() {
        if (printer != null) {
            printer.close(Duration.ofSeconds(1));
        }
        for (Handler h : lines.getHandlers()) {
            lines.removeHandler(h);
            try {
                h.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the query log", e);
            }
        }
    }

    /** Lower-case hex SHA-256 of the normalised identity number (see {@link RecordLookup#normalise}). */
    public static String hash(String idNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(RecordLookup.normalise(idNumber).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
