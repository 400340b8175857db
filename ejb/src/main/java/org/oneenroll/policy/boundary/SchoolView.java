package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.util.List;
import org.oneenroll.policy.entity.SchoolOwnership;

/**
 * One school as the set-up screen lists it: what the county says of it, the zones it serves, whether a published
 * plan gives it seats, and the version an edit must still match.
 *
 * @param primarySeats null where the school does not teach the stage (likewise the other counts)
 * @param zones        the zones it serves, as "code name"
 * @param planned      a published plan of the latest year gives it seats (its ownership and stages are then fixed)
 */
public record SchoolView(
        String code,
        String name,
        SchoolOwnership ownership,
        String stages,
        String townCode,
        String townName,
        String community,
        String compound,
        String detail,
        String phone,
        Integer primarySeats,
        Integer primaryClasses,
        Integer juniorSeats,
        Integer juniorClasses,
        List<String> zones,
        boolean planned,
        long version)
        implements Serializable {

    public boolean publicSchool() {
        return ownership == SchoolOwnership.PUBLIC;
    }

    /** The zones it serves, for the table: "620123-P-01、620123-P-02". */
    public String zoneList() {
        return String.join("、", zones);
    }

    /** Community, compound and the rest of the address, for the table. */
    public String addressLine() {
        StringBuilder line = new StringBuilder(community);
        if (compound != null) {
            line.append(compound);
        }
        if (detail != null) {
            line.append(' ').append(detail);
        }
        return line.toString();
    }
}
