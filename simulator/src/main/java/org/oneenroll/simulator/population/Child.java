package org.oneenroll.simulator.population;

/**
 * A child of the family and the role it plays in this year's enrollment.
 *
 * @param person who
 * @param role   applicant for a stage, or a younger sibling
 */
public record Child(Person person, ChildRole role) {}
