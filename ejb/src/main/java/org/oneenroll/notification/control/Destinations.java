package org.oneenroll.notification.control;

/**
 * The JNDI names of OneEnroll's queues. Each queue (with its dead-letter and expiry queue and redelivery
 * policy) is declared once, in config/src/main/cli/oneenroll.cli; code refers to it only through here.
 */
public final class Destinations {

    public static final String SMS_OUTBOUND = "java:/jms/queue/SmsOutbound";
    public static final String SMS_OUTBOUND_DLQ = "java:/jms/queue/SmsOutboundDLQ";
    public static final String CASE_FEEDBACK = "java:/jms/queue/CaseFeedback";
    public static final String CASE_FEEDBACK_DLQ = "java:/jms/queue/CaseFeedbackDLQ";

    private Destinations() {}
}
