package org.oneenroll.verification.entity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.Stage;

/**
 * What the rules need to know of the year's plan: the county and its zones for the stage, the names the
 * registries print in addresses (records carry addresses as text, without town codes), the sources the
 * province shares, and the thresholds.
 *
 * @param countyName     the county's own name as printed in addresses ("榆中县")
 * @param countyFullName province, city and county as printed at the start of an address ("甘肃省兰州市榆中县")
 * @param townNames      the county's towns and street offices: 9-digit code to name ("620123100" to "城关镇")
 * @param sharedSources  the sources the province's platform offers (seed 000 附件6: four; seed 001 附件3: eleven)
 */
public record PlanContext(
        int planYear,
        Stage stage,
        RegionCode county,
        String countyName,
        String countyFullName,
        Map<String, String> townNames,
        List<ZoneUnits> zones,
        Set<GovernmentSource> sharedSources,
        EligibilityThresholds thresholds) {

    /** The four sources of seed 000 附件6 (the Gansu data-sharing list). */
    public static final Set<GovernmentSource> GANSU_SOURCES = Set.copyOf(EnumSet.of(
            GovernmentSource.HUKOU,
            GovernmentSource.RESIDENCE_PERMIT,
            GovernmentSource.REAL_ESTATE_TITLE,
            GovernmentSource.SOCIAL_INSURANCE));

    /** The eleven sources of seed 001 附件3. */
    public static final Set<GovernmentSource> ALL_SOURCES = Set.copyOf(EnumSet.allOf(GovernmentSource.class));

    public PlanContext {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(countyName, "countyName");
        Objects.requireNonNull(countyFullName, "countyFullName");
        Objects.requireNonNull(thresholds, "thresholds");
        townNames = Map.copyOf(townNames);
        zones = List.copyOf(zones);
        sharedSources = Set.copyOf(sharedSources);
    }

    /** The zone of the stage that covers the address unit, if any. */
    public Optional<ZoneUnits> zoneOf(String unitKey) {
        return zones.stream().filter(z -> z.unitKeys().contains(unitKey)).findFirst();
    }

    public boolean shares(GovernmentSource source) {
        return sharedSources.contains(source);
    }
}
