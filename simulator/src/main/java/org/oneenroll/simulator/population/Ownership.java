package org.oneenroll.simulator.population;

/** Who runs a school: public (公办, serves catchment zones) or private (民办, admits by lottery, no zone). */
public enum Ownership {
    PUBLIC,
    PRIVATE
}
