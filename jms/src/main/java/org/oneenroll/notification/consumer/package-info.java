/**
 * The queue consumers: {@link org.oneenroll.notification.consumer.SmsOutboundListener} hands SMS to the gateway
 * and {@link org.oneenroll.notification.consumer.CaseFeedbackListener} pushes case changes to the provincial
 * platform, each in the queue message's transaction with the outbox row, so a message is done exactly when its
 * row says so.
 */
package org.oneenroll.notification.consumer;
