package org.oneenroll.notification.gateway;

/** Where SMS leave OneEnroll. Implementations bound every call with a timeout and are safe for concurrent use. */
public interface SmsGateway {

    /** A short name stored with each message ("smpp", "http"). */
    String name();

    /**
     * Hands the message over and returns the gateway's id for it (delivery receipts name it).
     *
     * @throws GatewayException throttled, refused or unreachable; the message was not accepted
     */
    String send(OutgoingSms sms) throws GatewayException;
}
