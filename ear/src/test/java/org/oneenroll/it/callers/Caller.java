package org.oneenroll.it.callers;

import java.util.concurrent.Callable;

/**
 * Test only: a staff member as the EJB container sees them after signing in (principal and role), so an
 * integration test can call the boundaries as that person. Each implementation is a {@code @RunAs} bean of the
 * test-only EJB module {@code oneenroll-it-callers.jar} (see {@code Deployments.withCallers}); it runs outside
 * any transaction, like a screen, so each boundary call has its own.
 */
public interface Caller {

    /** Runs {@code work} as this staff member; what it throws is handed back as it was thrown, not wrapped. */
    <T> Outcome<T> call(Callable<T> work);

    /**
     * What {@code work} returns when {@code caller} runs it; what it throws is thrown here, runtime exceptions as
     * they are (an {@code EJBAccessException}, a refusal), checked ones wrapped.
     */
    static <T> T as(Caller caller, Callable<T> work) {
        Outcome<T> outcome = caller.call(work);
        if (outcome.thrown() instanceof RuntimeException e) {
            throw e;
        }
        if (outcome.thrown() != null) {
            throw new IllegalStateException(outcome.thrown());
        }
        return outcome.value();
    }

    /** What the work returned, or what it threw. */
    record Outcome<T>(T value, Exception thrown) {}
}
