package org.oneenroll.feedback.entity;

import java.util.Objects;
import java.util.Set;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.RegionLevel;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * Which consultations and complaints a staff member may see and handle: county administrators and reviewers handle
 * their county's items; city and province supervisors read their region's. Derived from the signed-in account on
 * every call, never from anything a screen sends; school reviewers, counter staff and batch operators have none.
 *
 * @param regionPrefix the first 2, 4 or 6 digits of every county code in scope
 * @param handles      whether the scope is a county's, to act in (not only to read)
 */
public record ConcernScope(String username, String regionPrefix, boolean handles) {

    /** What the scope is asked for: to read (supervisors too), or to log and handle items (county staff only). */
    public enum Purpose {
        READ,
        HANDLE
    }

    public ConcernScope {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(regionPrefix, "regionPrefix");
    }

    /**
     * The scope of an account for a purpose. To read, the widest its roles give; to handle, its county (an account
     * that is both a county administrator and a supervisor acts in its county only).
     *
     * @throws InvalidValueException when no role gives a scope for the purpose, or the account's region does not fit
     *                               its role (a county role on a city account)
     */
    public static ConcernScope of(String username, Set<StaffRole> roles, RegionCode region, Purpose purpose) {
        if (purpose == Purpose.READ && roles.contains(StaffRole.PROVINCE_SUPERVISOR)) {
            return new ConcernScope(username, region.value().substring(0, 2), false);
        }
        if (purpose == Purpose.READ && roles.contains(StaffRole.CITY_SUPERVISOR)) {
            if (region.level() == RegionLevel.PROVINCE) {
                throw new InvalidValueException("scope", "review.scope.region", region.value());
            }
            return new ConcernScope(username, region.value().substring(0, 4), false);
        }
        if (roles.contains(StaffRole.COUNTY_ADMIN) || roles.contains(StaffRole.COUNTY_REVIEWER)) {
            if (region.level() != RegionLevel.COUNTY) {
                throw new InvalidValueException("scope", "review.scope.region", region.value());
            }
            return new ConcernScope(username, region.value(), true);
        }
        throw new InvalidValueException("scope", "feedback.scope.none", username);
    }

    /** Whether an item of this county lies inside the scope. */
    public boolean covers(String countyCode) {
        return countyCode != null && countyCode.startsWith(regionPrefix);
    }

    /**
     * The scope drilled down to a city or county inside it, read-only.
     *
     * @throws InvalidValueException when the region is malformed or outside this scope
     */
    public ConcernScope narrowedTo(String regionCode) {
        RegionCode region = RegionCode.of(regionCode);
        String prefix =
                switch (region.level()) {
                    case PROVINCE -> region.value().substring(0, 2);
                    case CITY -> region.value().substring(0, 4);
                    default -> region.value();
                };
        if (!prefix.startsWith(regionPrefix)) {
            throw new InvalidValueException("region", "supervision.region", region.value());
        }
        return new ConcernScope(username, prefix, false);
    }

    /** The county code pattern of the scope for a {@code like} condition. */
    public String countyPattern() {
        return regionPrefix + "%";
    }
}
