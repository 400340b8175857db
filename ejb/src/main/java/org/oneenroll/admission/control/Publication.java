package org.oneenroll.admission.control;

import java.util.List;
import java.util.Optional;
import org.oneenroll.admission.entity.Placement;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.notification.boundary.Notifications.SmsRequest;
import org.oneenroll.notification.entity.SmsTemplate;

/**
 * What publishing a round tells each family: the case's new status for its route, and the one SMS of the round
 * for an admitted (录取通知) or reallocated (调剂告知) child, keyed by round and case so it is sent once however
 * often publication is retried. An unplaced child gets no SMS: staff follow the child up instead.
 */
public final class Publication {

    private final long roundId;
    private final String answerBy;
    private final String hotline;

    /**
     * @param answerBy the day, as people read it, by which families confirm or answer
     * @param hotline  the number the reallocation offer names
     */
    public Publication(long roundId, String answerBy, String hotline) {
        this.roundId = roundId;
        this.answerBy = answerBy;
        this.hotline = hotline;
    }

    /** The case status a placement's route leads to. */
    public static CaseStatus outcome(Placement p) {
        return switch (p.route()) {
            case CHOICE, ZONE_SCHOOL -> CaseStatus.ADMITTED;
            case REALLOCATED -> CaseStatus.REALLOCATED;
            case UNPLACED -> CaseStatus.UNPLACED;
        };
    }

    /** The idempotency key of the round's SMS to one case. */
    public String key(String caseNumber) {
        return "admission:" + roundId + ":" + caseNumber;
    }

    /**
     * The SMS for a placed child, if any: none for an unplaced child or a case without a contact phone.
     *
     * @param schoolName the school's name as families know it
     */
    public Optional<SmsRequest> sms(Placement p, String childName, PhoneNumber phone, String schoolName) {
        if (phone == null) {
            return Optional.empty();
        }
        String number = p.childRef();
        return switch (outcome(p)) {
            case ADMITTED -> Optional.of(new SmsRequest(
                    key(number),
                    phone,
                    SmsTemplate.ADMISSION_RESULT,
                    number,
                    List.of(childName, schoolName, number, answerBy)));
            case REALLOCATED -> Optional.of(new SmsRequest(
                    key(number),
                    phone,
                    SmsTemplate.REALLOCATION_OFFER,
                    number,
                    List.of(number, schoolName, answerBy, hotline)));
            default -> Optional.empty();
        };
    }
}
