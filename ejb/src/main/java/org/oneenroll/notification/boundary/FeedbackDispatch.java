package org.oneenroll.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oneenroll.notification.entity.CaseFeedbackItem;

/**
 * The case-feedback consumer's side of the outbox: an item goes to the provincial platform only after every
 * earlier item of its case is settled (sent, or refused by the platform as invalid), so the platform sees a
 * case's changes in order, and only once.
 */
@Stateless
public class FeedbackDispatch {

    /** What the consumer does with a queue message. */
    public enum Action {
        SEND,
        WAIT_FOR_EARLIER,
        ALREADY_SENT
    }

    /** The decision and, to send, the item's fields. */
    public record Next(
            Action action,
            long id,
            String key,
            String caseNumber,
            int sequence,
            String status,
            Instant occurredAt,
            String detail) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    /** @return empty if there is no such item (a poison queue message) */
    public Optional<Next> next(long id) {
        CaseFeedbackItem item = em.find(CaseFeedbackItem.class, id);
        if (item == null) {
            return Optional.empty();
        }
        Action action;
        if (item.settled()) {
            action = Action.ALREADY_SENT;
        } else {
            long earlier = em.createNamedQuery(CaseFeedbackItem.UNSENT_BEFORE, Long.class)
                    .setParameter("number", item.caseNumber())
                    .setParameter("sequence", item.sequence())
                    .getSingleResult();
            action = earlier > 0 ? Action.WAIT_FOR_EARLIER : Action.SEND;
        }
        return Optional.of(new Next(
                action,
                id,
                item.key(),
                item.caseNumber(),
                item.sequence(),
                item.status(),
                item.occurredAt(),
                item.detail()));
    }

    public void sent(long id) {
        CaseFeedbackItem item = em.find(CaseFeedbackItem.class, id);
        item.attempt();
        item.sent(clock.instant());
    }

    /** The platform refused the item as invalid: settled, so the case's later items are not held back. */
    public void refused(long id, String error) {
        CaseFeedbackItem item = em.find(CaseFeedbackItem.class, id);
        item.attempt();
        item.refused(clock.instant(), error);
    }

    /**
     * The item waits for an earlier one of its case: queued again after {@code delay}, in this transaction, without
     * using up the queue's delivery attempts.
     */
    public void later(long id, java.time.Duration delay) {
        notifications.enqueueFeedback(em.find(CaseFeedbackItem.class, id), delay);
    }

    /** The platform failed or is down: recorded in its own transaction, the queue message is redelivered later. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String error) {
        CaseFeedbackItem item = em.find(CaseFeedbackItem.class, id);
        if (item != null) {
            item.attempt();
            item.failed(error);
        }
    }

    /** The items of a case, in order, with what was sent. */
    public List<CaseFeedbackItem> ofCase(String caseNumber) {
        return em.createNamedQuery(CaseFeedbackItem.OF_CASE, CaseFeedbackItem.class)
                .setParameter("number", caseNumber)
                .getResultList();
    }
}
