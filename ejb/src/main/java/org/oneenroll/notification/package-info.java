/**
 * Messages that leave OneEnroll: SMS to families and case feedback to the provincial platform, sent through
 * durable queues in the same transaction as the state change that causes them.
 */
package org.oneenroll.notification;
