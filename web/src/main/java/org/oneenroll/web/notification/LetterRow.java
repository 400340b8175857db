package org.oneenroll.web.notification;

import java.io.Serializable;
import org.oneenroll.notification.boundary.DeadLetters;

/** A dead letter as the operations screen shows it. */
public class LetterRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final String messageId;
    private final String body;
    private final String key;
    private final String reason;
    private final int deliveries;
    private final String enqueuedAt;

    LetterRow(DeadLetters.Channel channel, DeadLetters.Letter l) {
        this.channel = channel.name();
        this.messageId = l.messageId();
        this.body = l.body();
        this.key = l.key();
        this.reason = l.reason();
        this.deliveries = l.deliveries();
        this.enqueuedAt = SmsRow.time(l.enqueuedAt());
    }

    public String getChannel() {
        return channel;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getBody() {
        return body;
    }

    public String getKey() {
        return key;
    }

    public String getReason() {
        return reason;
    }

    public int getDeliveries() {
        return deliveries;
    }

    public String getEnqueuedAt() {
        return enqueuedAt;
    }
}
