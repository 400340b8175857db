package org.oneenroll.notification.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.oneenroll.intake.entity.CaseStatusChanged;
import org.oneenroll.notification.entity.SmsTemplate;

/**
 * What a case's status changes tell the outside, in the transaction of the change: the family's SMS (received,
 * a check that needs them) and the provincial platform's feedback (accepted, decided, admitted, withdrawn).
 * The idempotency key is the case number and the change's place in its history, so a replayed change sends
 * nothing twice.
 */
@ApplicationScoped
public class CaseMessages {

    @Inject
    Notifications notifications;

    void on(@Observes CaseStatusChanged e) {
        String key = "case:" + e.caseNumber() + ":" + e.sequence();
        if (e.contact() != null) {
            switch (e.to()) {
                case SUBMITTED -> notifications.sms(
                        key + ":" + SmsTemplate.APPLICATION_RECEIVED,
                        e.contact(),
                        SmsTemplate.APPLICATION_RECEIVED,
                        e.caseNumber(),
                        e.childName(),
                        e.stage().label(),
                        e.caseNumber());
                case NEEDS_OFFLINE_CHECK -> notifications.sms(
                        key + ":" + SmsTemplate.CHECK_FAILED,
                        e.contact(),
                        SmsTemplate.CHECK_FAILED,
                        e.caseNumber(),
                        e.caseNumber(),
                        e.detail() == null ? "详见办件页面" : e.detail());
                default -> {}
            }
        }
        String feedback =
                switch (e.to()) {
                    case SUBMITTED -> "ACCEPTED";
                    case APPROVED, REJECTED -> "DECIDED";
                    case ADMITTED, REALLOCATED, UNPLACED -> "ADMITTED";
                    case WITHDRAWN -> "WITHDRAWN";
                    default -> null;
                };
        if (feedback != null) {
            notifications.feedback(e.caseNumber(), feedback + ":" + e.to(), e.at(), e.detail());
        }
    }
}
