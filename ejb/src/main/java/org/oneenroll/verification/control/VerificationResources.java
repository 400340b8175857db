package org.oneenroll.verification.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Builds the one {@link SourceFanOut} of this server: the platform's HTTP adapter from configuration, the
 * guards (whose circuit state must outlive any request), and the container's verification executor.
 */
@ApplicationScoped
public class VerificationResources {

    private static final Logger LOG = Logger.getLogger(VerificationResources.class.getName());
    public static final String EXECUTOR = "java:jboss/ee/concurrency/executor/verification";

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    Clock clock;

    private SourceFanOut fanOut;
    private GovernmentDataConfig config;

    @PostConstruct
    void init() {
        config = GovernmentDataConfig.fromEnvironment();
        fanOut = new SourceFanOut(
                new HttpGovernmentData(config.baseUri(), config.appKey(), Duration.ofSeconds(2), clock),
                Map.of(),
                config.policy(),
                executor,
                clock);
        LOG.info(() -> "Government data platform at " + config.baseUri() + ", timeout "
                + config.policy().timeout().toMillis() + " ms, "
                + config.policy().maxAttempts() + " attempts, bulkhead "
                + config.policy().bulkhead());
    }

    private final CaseVerifier verifier = new CaseVerifier();

    @Produces
    public SourceFanOut fanOut() {
        return fanOut;
    }

    /** The rules, shared: they keep the address reader of the last plan they saw. */
    @Produces
    public CaseVerifier verifier() {
        return verifier;
    }

    public GovernmentDataConfig config() {
        return config;
    }
}
