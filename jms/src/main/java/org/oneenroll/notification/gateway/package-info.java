/**
 * The outside systems messages leave through: an SMS gateway ({@link org.oneenroll.notification.gateway.SmsGateway}:
 * SMPP to an SMSC, or an HTTP SMS provider) and the provincial service platform's case-feedback endpoint. Every
 * call has a timeout; what a gateway says (accepted, throttled, failed) decides whether a queue message is done,
 * delayed or redelivered.
 */
package org.oneenroll.notification.gateway;
