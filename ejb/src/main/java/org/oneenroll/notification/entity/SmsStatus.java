package org.oneenroll.notification.entity;

/** Where an SMS is: label for screens is message key {@code sms.status.<NAME>}. */
public enum SmsStatus {
    /** Written with its queue message; not yet handled. */
    QUEUED,
    /** Waiting for the morning (quiet hours) or for the number's rate limit. */
    HELD,
    /** Accepted by the gateway; the delivery receipt has not come. */
    SUBMITTED,
    /** The handset got it (delivery receipt). */
    DELIVERED,
    /** The carrier could not deliver it (receipt). */
    UNDELIVERABLE,
    /** Its queue message ran out of attempts and lies in the dead-letter queue until replayed. */
    DEAD
}
