package org.oneenroll.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Deployment settings read from system properties (or {@code ONEENROLL_*} environment variables), so one
 * EAR serves any county: which region this installation serves and where the demo layout is.
 */
@ApplicationScoped
public class Settings {

    static final String HOME_REGION = "oneenroll.region";
    static final String DEMO_LAYOUT = "oneenroll.demo.layout";

    /** The region whose plans the public home page shows; the demo county 榆中县 by default. */
    public String homeRegion() {
        return value(HOME_REGION).orElse("620123");
    }

    /** The county layout file the demo loads on first start; empty outside the demo. */
    public Optional<String> demoLayout() {
        return value(DEMO_LAYOUT);
    }

    /** A setting from a system property, else from the environment ({@code a.b-c} is {@code A_B_C}). */
    public static Optional<String> value(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            v = System.getenv(property.toUpperCase(java.util.Locale.ROOT)
                    .replace('.', '_')
                    .replace('-', '_'));
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
