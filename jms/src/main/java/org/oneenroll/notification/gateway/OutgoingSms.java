package org.oneenroll.notification.gateway;

/**
 * One SMS to hand to a gateway: {@code key} is the business event's idempotency key, which the gateway passes on
 * so a message sent again after a crash is recognised and not delivered twice.
 */
public record OutgoingSms(String key, String to, String text) {}
