package org.oneenroll.feedback.entity;

import org.oneenroll.platform.control.Messages;

/**
 * How an item reached the county: the family's own online form, or staff logging a call to the enrollment hotline,
 * a transfer from the 12345 citizen hotline (with its ticket number) or a visit to the counter.
 */
public enum ConcernChannel {
    ONLINE,
    HOTLINE,
    TRANSFER_12345,
    COUNTER;

    /** Whether staff log items of this channel (all but the family's own online form). */
    public boolean loggedByStaff() {
        return this != ONLINE;
    }

    public String label() {
        return Messages.format(Messages.DEFAULT_LOCALE, "feedback.channel." + name());
    }
}
