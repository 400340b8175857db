package org.oneenroll.verification.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseAuthorised;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.verification.entity.CaseVerification;

/**
 * Starts the data checks of a case once its authorisation has committed (never before: the check reads the
 * case in its own transactions), on the background executor; and every two minutes catches up cases a restart
 * or a full queue left behind, so no case stays "submitted" or "verifying".
 */
@Singleton
@Lock(LockType.READ)
public class VerificationSweeper {

    private static final Logger LOG = Logger.getLogger(VerificationSweeper.class.getName());
    public static final String EXECUTOR = "java:jboss/ee/concurrency/executor/verification-cases";
    /** A check takes seconds; one whose case has not moved for this long was interrupted. */
    static final Duration STALE = Duration.ofMinutes(5);

    static final int BATCH = 500;

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    Verifications verifications;

    @Inject
    Cases cases;

    @Inject
    Clock clock;

    public void onAuthorised(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseAuthorised event) {
        start(
                event.caseNumber(),
                event.firstCheck() ? CaseVerification.Trigger.SUBMISSION : CaseVerification.Trigger.RECHECK);
    }

    @Schedule(minute = "*/2", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void catchUp() {
        List<String> stale = cases.awaitingVerification(clock.instant().minus(STALE), BATCH);
        if (!stale.isEmpty()) {
            LOG.info(() -> "Resuming the data checks of " + stale.size() + " cases left unverified");
            stale.forEach(n -> start(n, CaseVerification.Trigger.RECOVERY));
        }
    }

    private void start(String caseNumber, CaseVerification.Trigger trigger) {
        try {
            executor.execute(() -> {
                try {
                    verifications.verify(caseNumber, trigger);
                } catch (InvalidValueException refused) {
                    // Withdrawn, re-checked meanwhile or authorisation withdrawn: nothing to do.
                    LOG.info(() -> "Not verifying " + caseNumber + ": " + refused.getMessage());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Verification of " + caseNumber + " failed; the sweeper retries it", e);
                }
            });
        } catch (RejectedExecutionException full) {
            LOG.warning(() -> "Verification queue full; " + caseNumber + " waits for the sweeper");
        }
    }
}
