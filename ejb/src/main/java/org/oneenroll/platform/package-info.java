/**
 * The shared kernel every context stands on: the schema migrations, the clock, user-facing messages
 * and the health check. It holds no business rules of its own.
 */
package org.oneenroll.platform;
