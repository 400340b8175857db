package org.oneenroll.simulator.population;

/** School stage (学段) a child enrolls in. */
public enum Stage {
    /** 小学: children six years old by 31 August of the plan year. */
    PRIMARY,
    /** 初中: primary-school graduates of the plan year. */
    JUNIOR
}
