/**
 * Consultations and complaints (咨询投诉; seed 000: 咨询投诉渠道公开, 12345 热线; seed 001: 咨询答复): families raise
 * them on the public contact page or from their case page, county staff log the ones that come by phone, as a 12345
 * transfer or at the counter, and answer or close each within its due date; city and province supervisors read
 * their region's items and counts. Every step is kept. What a staff member sees and may do is bounded on the server
 * by their {@code ConcernScope}, derived from their account on every call. Not to be confused with 办件回传 (case
 * feedback to the provincial platform, context {@code notification}).
 */
package org.oneenroll.feedback;
