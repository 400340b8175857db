/**
 * Batch jobs (JBeret; job repository in OneEnroll's database): statistics, pre-registration and case
 * archive. Job XMLs live in META-INF/batch-jobs; artifacts delegate to the ejb contexts' control classes.
 */
package org.oneenroll.reporting;
