package org.oneenroll.review.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * One line of the review queue: enough to pick a case, nothing that identifies a person beyond the child's
 * name. {@code version} is what a decision taken from this line must carry.
 */
public record QueueRow(
        long id,
        String caseNumber,
        String childName,
        Stage stage,
        ApplicationType type,
        Channel channel,
        CaseStatus status,
        FamilyCategory category,
        boolean categoryConfirmed,
        String zoneCode,
        Set<GovernmentSource> failedSources,
        String reviewer,
        Instant submittedAt,
        Instant statusChangedAt,
        long version)
        implements Serializable {

    /** Whether every source confirmed the case: it may be approved in bulk. */
    public boolean allConfirmed() {
        return status == CaseStatus.VERIFIED && categoryConfirmed && failedSources.isEmpty();
    }
}
