package org.oneenroll.policy.boundary;

import java.io.Serializable;
import org.oneenroll.policy.entity.PlanCheckReport;

/**
 * What an attempt to publish came to: the plan as it now is and the checks' report; refused when the report has
 * errors, and then nothing changed.
 */
public record PlanPublication(boolean published, PlanSheet plan, PlanCheckReport report) implements Serializable {}
