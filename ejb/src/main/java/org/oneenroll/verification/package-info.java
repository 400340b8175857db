/**
 * Checking a family's records with the government data-sharing platform instead of paper: one port per
 * source, queried in parallel behind timeouts, bounded retries, a circuit breaker and a bulkhead, each
 * answer kept as evidence for reviewers.
 */
package org.oneenroll.verification;
