/**
 * Review and supervision (资格审核, 办理意见, 督导): county and school reviewers work a queue of checked cases and
 * approve, reject with a reason, or return a case for a proof; city and province supervisors see their region's
 * figures, read-only. What a caller sees and may change is bounded on the server by their {@code ReviewScope}
 * (a region, or one school), derived from the signed-in account for every query and every action.
 */
package org.oneenroll.review;
