/**
 * The audit trail: every look-up of a family's government data and every view of a full record, with who,
 * whose (as a keyed digest and a masked number, never the number itself), what and why. Append-only.
 */
package org.oneenroll.audit;
