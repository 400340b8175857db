package org.oneenroll.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Requests sent all at once, as a script would send them, for the tests of the limits that must hold under a burst. */
final class Bursts {

    private Bursts() {}

    /**
     * Starts every request on {@code executor} (each in its own transaction when it calls a bean), releases them
     * together, and counts their outcomes; a request that throws counts as {@code "error <exception>"}.
     */
    static Map<String, Long> run(ExecutorService executor, List<Callable<String>> requests) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> running = new ArrayList<>();
        for (Callable<String> r : requests) {
            running.add(executor.submit(() -> {
                go.await();
                try {
                    return r.call();
                } catch (RuntimeException e) {
                    return "error " + e;
                }
            }));
        }
        go.countDown();
        Map<String, Long> counts = new TreeMap<>();
        for (Future<String> f : running) {
            counts.merge(f.get(2, TimeUnit.MINUTES), 1L, Long::sum);
        }
        return counts;
    }
}
