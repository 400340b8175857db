package org.oneenroll.intake.entity;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * What a guardian agreed to on the authorisation step: which sources may be asked, having read which version
 * of the statement (授权书).
 *
 * @param guardianIdNumber the identity number of the guardian who authorises; one of the case's guardians
 */
public record ConsentGrant(String guardianIdNumber, Set<GovernmentSource> scope, String statementVersion) {

    /** The version of the authorisation statement the screens show now. */
    public static final String CURRENT_STATEMENT = "2027.3";

    public ConsentGrant {
        Objects.requireNonNull(guardianIdNumber, "guardianIdNumber");
        Objects.requireNonNull(statementVersion, "statementVersion");
        scope = scope == null || scope.isEmpty() ? EnumSet.noneOf(GovernmentSource.class) : EnumSet.copyOf(scope);
    }

    /** Every source the plan's province shares, under the current statement. */
    public static ConsentGrant forSources(String guardianIdNumber, Set<GovernmentSource> scope) {
        return new ConsentGrant(guardianIdNumber, scope, CURRENT_STATEMENT);
    }
}
