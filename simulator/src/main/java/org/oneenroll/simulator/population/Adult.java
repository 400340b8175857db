package org.oneenroll.simulator.population;

/**
 * An adult of the family: a parent or a grandparent, who may or may not be a guardian (监护人).
 *
 * @param person   who
 * @param kinship  relation to the children
 * @param guardian whether this adult is a guardian; the first guardian signs the application
 * @param mobile   mainland mobile number
 */
public record Adult(Person person, Kinship kinship, boolean guardian, String mobile) {}
