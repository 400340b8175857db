package org.oneenroll.feedback.entity;

import java.util.EnumSet;
import java.util.Set;
import org.oneenroll.platform.control.Messages;

/**
 * Where an item stands: received (已受理), in hand (办理中), answered (已答复) or closed without an answer (已关闭:
 * a duplicate, a withdrawal, no way to reach the family). Answered and closed are final.
 */
public enum ConcernState {
    RECEIVED,
    IN_PROGRESS,
    ANSWERED,
    CLOSED;

    /** The states that still wait for staff: they count as overdue after their due date. */
    public static final Set<ConcernState> OPEN = EnumSet.of(RECEIVED, IN_PROGRESS);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** Whether an item in this state may move to {@code next}. */
    public boolean allows(ConcernState next) {
        return switch (this) {
            case RECEIVED -> next == IN_PROGRESS;
            case IN_PROGRESS -> next == ANSWERED || next == CLOSED;
            case ANSWERED, CLOSED -> false;
        };
    }

    public String label() {
        return Messages.format(Messages.DEFAULT_LOCALE, "feedback.state." + name());
    }
}
