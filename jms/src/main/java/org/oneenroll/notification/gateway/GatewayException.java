package org.oneenroll.notification.gateway;

import java.time.Duration;

/**
 * A gateway did not take a message. Throttled means "not now, nothing wrong": the message waits and goes again
 * without counting as a failed attempt; anything else is a failure that a redelivery (with back-off) may fix.
 */
public class GatewayException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    private GatewayException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public static GatewayException failed(String message, Throwable cause) {
        return new GatewayException(message, cause, null);
    }

    public static GatewayException throttled(String message, Duration retryAfter) {
        return new GatewayException(message, null, retryAfter);
    }

    public boolean throttled() {
        return retryAfter != null;
    }

    /** How long to wait before the next try when throttled. */
    public Duration retryAfter() {
        return retryAfter == null ? Duration.ZERO : retryAfter;
    }
}
