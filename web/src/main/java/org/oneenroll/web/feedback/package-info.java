/**
 * Screens of the feedback context (咨询投诉), through {@code Concerns}: the families' form on the public contact page
 * and on their case page with their items and the replies, and the staff screen where county staff log and handle
 * items and supervisors read their region's.
 */
package org.oneenroll.web.feedback;
