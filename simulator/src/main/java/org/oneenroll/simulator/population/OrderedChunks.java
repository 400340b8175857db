package org.oneenroll.simulator.population;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs index chunks on worker threads and hands their results to the caller's thread in index order, with a
 * bounded number of chunks in flight so memory stays flat however large the population.
 */
public final class OrderedChunks {

    /** Work for the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface Task<R> {
        R run(long from, long to);
    }

    private OrderedChunks() {}

    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code task} over {@code [0, count)} in chunks of {@code chunkSize}; {@code sink} sees results in order. */
    public static <R> void run(long count, int chunkSize, int threads, Task<R> task, Consumer<R> sink) {
        if (count <= 0) {
            return;
        }
        if (threads <= 1 || count <= chunkSize) {
            for (long from = 0; from < count; from += chunkSize) {
                sink.accept(task.run(from, Math.min(count, from + chunkSize)));
            }
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "population-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<R>> inFlight = new ArrayDeque<>();
            int window = threads * 3;
            long next = 0;
            while (next < count || !inFlight.isEmpty()) {
                while (next < count && inFlight.size() < window) {
                    long from = next;
                    long to = Math.min(count, from + chunkSize);
                    inFlight.add(pool.submit(() -> task.run(from, to)));
                    next = to;
                }
                sink.accept(await(inFlight.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
