package org.oneenroll.verification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.Region;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.policy.boundary.Zones;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.EligibilityThresholds;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.ZoneUnits;

/**
 * Builds what the verification rules need to know of a county's plan (zones with their address units, town
 * names, thresholds, the sources the province shares) from the policy and identity contexts, and keeps it for a
 * few minutes: every case of a county and stage is checked against the same object, so the rules' address reader
 * is built once, not per case.
 *
 * <p>Until plan management stores them in the plan, the thresholds and the shared sources are installation
 * settings: {@code oneenroll.verification.thresholds} ({@code GANSU}, the default, or {@code JINING}) and
 * {@code oneenroll.verification.sources} ({@code ALL}, the default: the eleven sources of seed 001 附件3, or
 * {@code GANSU}: the four of seed 000 附件6).
 */
@ApplicationScoped
public class PlanContexts {

    static final Duration KEEP = Duration.ofMinutes(5);

    @Inject
    Regions regions;

    @Inject
    Zones zones;

    @Inject
    Clock clock;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(PlanContext plan, Instant builtAt) {}

    /** The context of the county's plan for the year and stage. */
    public PlanContext of(RegionCode county, int year, Stage stage) {
        String key = county.value() + "-" + year + "-" + stage;
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached == null || cached.builtAt().plus(KEEP).isBefore(now)) {
            cached = new Cached(build(county, year, stage), now);
            cache.put(key, cached);
        }
        return cached.plan();
    }

    /** Forgets what was built, after zones or plans changed. */
    public void forget() {
        cache.clear();
    }

    private PlanContext build(RegionCode county, int year, Stage stage) {
        Region region = regions.require(county);
        Map<String, String> towns = new LinkedHashMap<>();
        for (Region town : regions.children(county.value())) {
            towns.put(town.code(), town.name());
        }
        List<ZoneUnits> units = new ArrayList<>();
        for (CatchmentZone zone : zones.ofCounty(county)) {
            if (zone.stage() == stage) {
                units.add(new ZoneUnits(zone.code(), zone.name(), zone.unitKeys()));
            }
        }
        return new PlanContext(
                year,
                stage,
                county,
                region.name(),
                regions.fullName(county).replace(" ", ""),
                towns,
                units,
                sharedSources(),
                thresholds());
    }

    static EligibilityThresholds thresholds() {
        String preset = Settings.value("oneenroll.verification.thresholds")
                .orElse("GANSU")
                .toUpperCase(Locale.ROOT);
        return switch (preset) {
            case "JINING" -> EligibilityThresholds.JINING;
            case "GANSU" -> EligibilityThresholds.GANSU;
            default -> throw new IllegalStateException(
                    "oneenroll.verification.thresholds is GANSU or JINING, not " + preset);
        };
    }

    static Set<GovernmentSource> sharedSources() {
        String preset =
                Settings.value("oneenroll.verification.sources").orElse("ALL").toUpperCase(Locale.ROOT);
        return switch (preset) {
            case "ALL" -> PlanContext.ALL_SOURCES;
            case "GANSU" -> PlanContext.GANSU_SOURCES;
            default -> throw new IllegalStateException("oneenroll.verification.sources is ALL or GANSU, not " + preset);
        };
    }
}
