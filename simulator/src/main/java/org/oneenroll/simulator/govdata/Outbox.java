package org.oneenroll.simulator.govdata;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Output the platform must never wait for. Standard output and standard error may be pipes that nobody reads (Maven's
 * exec plugin, run asynchronously with an output file, closes its end at once), and a write to a full pipe blocks
 * for good. So request, timer and admin threads only hand such writes to an outbox: one daemon thread of its own
 * works through a bounded queue in order, and what does not fit is dropped and counted, never waited for.
 */
final class Outbox {

    private final ThreadPoolExecutor thread;
    private final LongAdder dropped = new LongAdder();

    /** An outbox whose thread is called {@code name}, holding at most {@code capacity} writes not yet done. */
    Outbox(String name, int capacity) {
        thread = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity),
                r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                },
                (r, executor) -> dropped.increment());
    }

    /** Queues {@code write}; when the queue is full (the output is stuck or slow) or closed, drops it. Never blocks. */
    void offer(Runnable write) {
        thread.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                // best effort: a failed write must not end the outbox's thread, and there is nowhere to report it
                dropped.increment();
            }
        });
    }

    /** Writes dropped so far because the queue was full, the outbox closed or the write failed. */
    long dropped() {
        return dropped.sum();
    }

    /**
     * Takes no more writes, lets those queued go out for up to {@code wait}, then drops the rest: a stuck output
     * never holds up a stop. {@code true} when everything queued was written.
     */
    boolean close(Duration wait) {
        thread.shutdown();
        try {
            if (thread.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropped.add(thread.shutdownNow().size());
        return false;
    }
}
