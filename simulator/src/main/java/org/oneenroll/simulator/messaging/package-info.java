/**
 * The messaging simulator: the three outside systems OneEnroll sends messages to, in one process. An SMSC over
 * SMPP 3.4 (jSMPP's server side), an HTTP SMS provider sharing the SMSC's store of accepted messages and its
 * idempotency keys, and the provincial government service platform that takes case status changes (办件回传).
 *
 * <p>{@link org.oneenroll.simulator.messaging.MessagingSimulator} starts and stops it in-process; {@link
 * org.oneenroll.simulator.messaging.SmsCenter} decides every submission (duplicate, throttled, failed, accepted) and
 * delivers, {@link org.oneenroll.simulator.messaging.Smsc} speaks SMPP, {@link
 * org.oneenroll.simulator.messaging.CaseFeedbacks} keeps the platform's items and checks their order, {@link
 * org.oneenroll.simulator.messaging.MessagingFaults} holds the switches tests and operators turn at runtime.
 */
package org.oneenroll.simulator.messaging;
