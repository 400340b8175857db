package org.oneenroll.review.entity;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.RegionLevel;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * What a staff member may see and act on: the cases of a province, a city or a county (a range of county
 * codes), or those of one school (the zones it serves). Derived from the signed-in account only, never from
 * anything a screen sends.
 *
 * @param regionPrefix the first 2, 4 or 6 digits every county code in scope starts with
 * @param schoolCode   the school of a school reviewer, else {@code null}
 * @param zoneCodes    for a school: the zones it serves (no zone, no case); else empty
 */
public record ReviewScope(
        String username, Level level, String regionPrefix, String schoolCode, List<String> zoneCodes) {

    /** How far a scope reaches. */
    public enum Level {
        PROVINCE,
        CITY,
        COUNTY,
        SCHOOL
    }

    /** What the scope is asked for: to look (supervisors too), or to decide (reviewers only). */
    public enum Purpose {
        READ,
        DECIDE
    }

    public ReviewScope {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(regionPrefix, "regionPrefix");
        zoneCodes = List.copyOf(zoneCodes);
        if (level == Level.SCHOOL && schoolCode == null) {
            throw new IllegalArgumentException("a school scope names its school");
        }
    }

    /**
     * The scope of an account for a purpose: the widest its roles give. A county reviewer or administrator sees
     * the county; a school reviewer the cases of their school; supervisors their city or province, to read only.
     *
     * @param schoolZones the zones the account's school serves (ignored without a school)
     * @throws InvalidValueException when no role of the account gives a scope for the purpose, or the account's
     *                               region does not fit its role (a county role on a city account)
     */
    public static ReviewScope of(
            String username,
            Set<StaffRole> roles,
            RegionCode region,
            String schoolCode,
            List<String> schoolZones,
            Purpose purpose) {
        if (purpose == Purpose.READ && roles.contains(StaffRole.PROVINCE_SUPERVISOR)) {
            return new ReviewScope(username, Level.PROVINCE, region.value().substring(0, 2), null, List.of());
        }
        if (purpose == Purpose.READ && roles.contains(StaffRole.CITY_SUPERVISOR)) {
            requireBelow(region, RegionLevel.PROVINCE);
            return new ReviewScope(username, Level.CITY, region.value().substring(0, 4), null, List.of());
        }
        if (roles.contains(StaffRole.COUNTY_ADMIN) || roles.contains(StaffRole.COUNTY_REVIEWER)) {
            requireCounty(region);
            return new ReviewScope(username, Level.COUNTY, region.value(), null, List.of());
        }
        if (roles.contains(StaffRole.SCHOOL_REVIEWER)) {
            requireCounty(region);
            if (schoolCode == null || schoolCode.isBlank()) {
                throw new InvalidValueException("scope", "review.scope.no-school", username);
            }
            return new ReviewScope(username, Level.SCHOOL, region.value(), schoolCode, schoolZones);
        }
        throw new InvalidValueException("scope", "review.scope.none", username);
    }

    private static void requireCounty(RegionCode region) {
        if (region.level() != RegionLevel.COUNTY) {
            throw new InvalidValueException("scope", "review.scope.region", region.value());
        }
    }

    private static void requireBelow(RegionCode region, RegionLevel level) {
        if (region.level() == level) {
            throw new InvalidValueException("scope", "review.scope.region", region.value());
        }
    }

    /** Whether a case of this county and zone lies inside the scope. */
    public boolean covers(String countyCode, String zoneCode) {
        if (countyCode == null || !countyCode.startsWith(regionPrefix)) {
            return false;
        }
        return level != Level.SCHOOL || (zoneCode != null && zoneCodes.contains(zoneCode));
    }

    /**
     * The scope drilled down to a city or county inside it (supervisors looking closer), read-only like this one.
     *
     * @param regionCode a six-digit city or county code
     * @throws InvalidValueException when the region is malformed or outside this scope
     */
    public ReviewScope narrowedTo(String regionCode) {
        RegionCode region = RegionCode.of(regionCode);
        String prefix =
                switch (region.level()) {
                    case PROVINCE -> region.value().substring(0, 2);
                    case CITY -> region.value().substring(0, 4);
                    default -> region.value();
                };
        if (level == Level.SCHOOL || !prefix.startsWith(regionPrefix)) {
            throw new InvalidValueException("region", "supervision.region", region.value());
        }
        Level narrowed =
                switch (prefix.length()) {
                    case 2 -> Level.PROVINCE;
                    case 4 -> Level.CITY;
                    default -> Level.COUNTY;
                };
        return new ReviewScope(username, narrowed, prefix, null, List.of());
    }

    /** The length of the region code prefix one level below this scope (cities of a province, counties of a city). */
    public int childPrefixLength() {
        return Math.min(6, regionPrefix.length() + 2);
    }

    /** The lowest county code in scope, for a range condition an index can use. */
    public String lowestCounty() {
        return pad(regionPrefix, '0');
    }

    /** The highest county code in scope. */
    public String highestCounty() {
        return pad(regionPrefix, '9');
    }

    private static String pad(String prefix, char with) {
        StringBuilder s = new StringBuilder(prefix);
        while (s.length() < 6) {
            s.append(with);
        }
        return s.toString();
    }
}
