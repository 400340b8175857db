package org.oneenroll.verification.control;

import java.time.Duration;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.SourceAnswer;

/**
 * The port to the government data-sharing platform: one attempt to ask one source about one person.
 * Trouble at the source is an answer ({@code SOURCE_ERROR} with its kind), never an exception, so the
 * guard around it can decide about retries.
 */
public interface GovernmentDataPort {

    /**
     * @param purpose   why the data is needed (the case number): the platform logs it
     * @param requestId the caller's id of this attempt, echoed by the platform
     * @param timeout   how long to wait for the answer
     */
    SourceAnswer query(GovernmentSource source, String idNumber, String purpose, String requestId, Duration timeout);
}
