package org.oneenroll.simulator.population;

/** 享受优抚政策情况 on the application form. */
public enum PreferentialKind {
    /** 无 (the default). */
    NONE,
    /** 高层次人才子女. */
    HIGH_LEVEL_TALENT,
    /** 其他优抚政策子女: here, children of serving military personnel. */
    MILITARY
}
