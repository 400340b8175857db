package org.oneenroll.intake.entity;

import java.util.Set;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * What verification reads of a case: its plan (county, year, stage), its status, the declaration in stored
 * form and the sources the authorisation in force covers (empty without one).
 */
public record CaseForVerification(
        long id,
        String caseNumber,
        RegionCode county,
        int year,
        Stage stage,
        CaseStatus status,
        String declaration,
        Set<GovernmentSource> consentScope) {

    public CaseForVerification {
        consentScope = Set.copyOf(consentScope);
    }
}
