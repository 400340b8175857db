package org.oneenroll.identity.entity;

/** A person's sex as an ID number encodes it (odd sequence digit: male; even: female). */
public enum Sex {
    MALE,
    FEMALE
}
