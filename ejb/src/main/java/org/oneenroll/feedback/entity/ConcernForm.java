package org.oneenroll.feedback.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * A consultation or complaint as typed: by the family online (no channel details), or by staff logging a call, a
 * 12345 transfer (with its ticket number) or a visit. Checked when it becomes a {@link Concern}.
 *
 * @param caseNumber  the case it is about, if the family names one
 * @param externalRef the 12345 ticket number of a transfer
 * @param receivedAt  when the call or visit was, for staff logging it later; {@code null} for now
 */
public record ConcernForm(
        ConcernKind kind,
        ConcernChannel channel,
        String phone,
        String caseNumber,
        String subject,
        String text,
        String externalRef,
        Instant receivedAt)
        implements Serializable {

    /** What a family submits on the contact page. */
    public static ConcernForm online(ConcernKind kind, String phone, String caseNumber, String subject, String text) {
        return new ConcernForm(kind, ConcernChannel.ONLINE, phone, caseNumber, subject, text, null, null);
    }
}
