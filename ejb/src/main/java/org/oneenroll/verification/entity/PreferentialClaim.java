package org.oneenroll.verification.entity;

/** 享受优抚政策情况 as ticked on both Gansu forms (seed 000 附件1/附件2); no source can confirm a claim. */
public enum PreferentialClaim {
    /** 无 (the default). */
    NONE,
    /** 高层次人才子女. */
    HIGH_LEVEL_TALENT,
    /** 其他优抚政策子女 (military, martyrs' families ...). */
    OTHER
}
