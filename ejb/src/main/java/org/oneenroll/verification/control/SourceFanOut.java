package org.oneenroll.verification.control;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;

/**
 * Asks every source a verification needs at once: each question runs on the executor behind its source's
 * guard, so one case takes about as long as its slowest source, and a source that is down costs at most its
 * guard's worst case, never the others' time.
 */
public final class SourceFanOut {

    /** One question: ask {@code source} about the person with {@code idNumber}. */
    public record Question(GovernmentSource source, String idNumber) {}

    private final GovernmentDataPort port;
    private final Map<GovernmentSource, SourceGuard> guards = new EnumMap<>(GovernmentSource.class);
    private final Executor executor;
    private final Clock clock;

    public SourceFanOut(
            GovernmentDataPort port,
            Map<GovernmentSource, GuardPolicy> policies,
            GuardPolicy fallback,
            Executor executor,
            Clock clock) {
        this.port = port;
        this.executor = executor;
        this.clock = clock;
        for (GovernmentSource source : GovernmentSource.values()) {
            guards.put(source, new SourceGuard(source, policies.getOrDefault(source, fallback), clock));
        }
    }

    /**
     * Asks all questions in parallel and returns the answers in the questions' order. {@code purpose} (the case
     * number) goes to the platform with every query; request ids are {@code purpose-source-n-attempt}.
     */
    public List<SourceAnswer> ask(List<Question> questions, String purpose) {
        return ask(questions, purpose, () -> true);
    }

    /**
     * {@link #ask(List, String)}, where a source that failed is asked again only while {@code mayAskAgain} says so
     * (the authorisation is still in force); it is called on the worker threads, before each retry.
     */
    public List<SourceAnswer> ask(List<Question> questions, String purpose, BooleanSupplier mayAskAgain) {
        List<CompletableFuture<SourceAnswer>> pending = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            SourceGuard guard = guards.get(q.source());
            String requestBase = purpose + "-" + q.source().slug() + "-" + (i + 1);
            pending.add(CompletableFuture.supplyAsync(
                    () -> guard.call(
                            requestBase,
                            attempt -> port.query(
                                    q.source(),
                                    q.idNumber(),
                                    purpose,
                                    requestBase + "-" + attempt,
                                    guard.policy().timeout()),
                            mayAskAgain),
                    executor));
        }
        List<SourceAnswer> answers = new ArrayList<>(questions.size());
        long deadline = System.nanoTime();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Duration budget = guards.get(q.source()).policy().worstCase().plusSeconds(1);
            deadline = Math.max(deadline, System.nanoTime() + budget.toNanos());
        }
        for (int i = 0; i < pending.size(); i++) {
            answers.add(await(pending.get(i), questions.get(i), purpose, deadline));
        }
        return answers;
    }

    /** The guard of a source, for operators' screens and tests. */
    public SourceGuard guard(GovernmentSource source) {
        return guards.get(source);
    }

    private SourceAnswer await(CompletableFuture<SourceAnswer> future, Question q, String purpose, long deadlineNanos) {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The guard bounds every attempt, so only a starved executor gets here; the late answer is dropped.
            future.cancel(true);
            return SourceAnswer.failed(
                    q.source(),
                    SourceFailure.TIMEOUT,
                    purpose,
                    clock.instant(),
                    Duration.ZERO,
                    "no worker answered within the guard's worst case: the executor is saturated");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SourceAnswer.failed(
                    q.source(), SourceFailure.UNREACHABLE, purpose, clock.instant(), Duration.ZERO, "interrupted");
        } catch (ExecutionException e) {
            return SourceAnswer.failed(
                    q.source(),
                    SourceFailure.UNREACHABLE,
                    purpose,
                    clock.instant(),
                    Duration.ZERO,
                    "the query failed: " + e.getCause());
        }
    }
}
