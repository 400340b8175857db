package org.oneenroll.simulator.population;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Streams a population as NDJSON (one family per line): chunks are generated and encoded in parallel and
 * written in index order, so the output is byte-identical whatever the thread count.
 */
public final class PopulationExport {

    /** Families per chunk: about a megabyte of JSON, below G1's humongous-object size on default heaps. */
    private static final int CHUNK = 256;

    private PopulationExport() {}

    /**
     * Writes families {@code 0..count-1} to {@code out} ({@code null} generates and counts without encoding) and
     * returns their census. {@code out} is flushed, not closed.
     */
    public static PopulationCensus writeNdjson(
            PopulationGenerator generator, long count, OutputStream out, int threads) {
        PopulationCensus total = new PopulationCensus();
        record Chunk(byte[] bytes, PopulationCensus census) {}
        OrderedChunks.run(
                count,
                CHUNK,
                threads,
                (from, to) -> {
                    PopulationCensus census = new PopulationCensus();
                    JsonLineWriter json = out == null ? null : new JsonLineWriter();
                    for (long i = from; i < to; i++) {
                        Family f = generator.family(i);
                        census.add(f);
                        if (json != null) {
                            json.value(f).newline();
                        }
                    }
                    return new Chunk(json == null ? null : json.toByteArray(), census);
                },
                chunk -> {
                    total.merge(chunk.census());
                    if (out != null) {
                        try {
                            out.write(chunk.bytes());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    /** One family as a JSON line (with its trailing newline), exactly as {@link #writeNdjson} writes it. */
    public static byte[] line(Family family) {
        return new JsonLineWriter().value(family).newline().toByteArray();
    }
}
