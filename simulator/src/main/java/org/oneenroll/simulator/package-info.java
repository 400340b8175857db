/**
 * The simulator: a separate process that plays the outside systems OneEnroll talks to and generates
 * the deterministic population they answer from. {@link org.oneenroll.simulator.SimulatorMain} is its
 * command line.
 */
package org.oneenroll.simulator;
