package org.oneenroll.verification.control;

import java.net.URI;
import java.time.Duration;
import org.oneenroll.platform.control.Settings;

/**
 * Where the government data-sharing platform is and how OneEnroll treats it, from system properties or
 * {@code ONEENROLL_GOVDATA_*} environment variables, so the simulator and the real platform are a setting
 * apart. The app key is a credential: it belongs in the server's environment, never in the repository.
 */
public record GovernmentDataConfig(URI baseUri, String appKey, GuardPolicy policy) {

    static final String URL = "oneenroll.govdata.url";
    static final String APP_KEY = "oneenroll.govdata.app-key";
    static final String TIMEOUT_MS = "oneenroll.govdata.timeout-ms";
    static final String ATTEMPTS = "oneenroll.govdata.attempts";
    static final String BULKHEAD = "oneenroll.govdata.bulkhead";
    static final String OPEN_MS = "oneenroll.govdata.circuit-open-ms";

    /** The configuration of this server; the demo simulator's address and key when nothing is set. */
    public static GovernmentDataConfig fromEnvironment() {
        GuardPolicy defaults = GuardPolicy.defaults();
        GuardPolicy policy = defaults.withTimeout(
                        Duration.ofMillis(number(TIMEOUT_MS, defaults.timeout().toMillis())))
                .withRetries((int) number(ATTEMPTS, defaults.maxAttempts()), defaults.backoff())
                .withBulkhead((int) number(BULKHEAD, defaults.bulkhead()), defaults.bulkheadWait())
                .withCircuit(
                        defaults.failuresToOpen(),
                        Duration.ofMillis(number(OPEN_MS, defaults.openFor().toMillis())));
        return new GovernmentDataConfig(
                URI.create(Settings.value(URL).orElse("http://127.0.0.1:8180")),
                Settings.value(APP_KEY).orElse("oneenroll-demo-key"),
                policy);
    }

    private static long number(String property, long fallback) {
        return Settings.value(property).map(Long::parseLong).orElse(fallback);
    }
}
