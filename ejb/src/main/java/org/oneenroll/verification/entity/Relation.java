package org.oneenroll.verification.entity;

/** A declared person's relation to the applying child (与学生关系); the child itself is {@link #CHILD}. */
public enum Relation {
    CHILD,
    FATHER,
    MOTHER,
    GRANDFATHER,
    GRANDMOTHER,
    MATERNAL_GRANDFATHER,
    MATERNAL_GRANDMOTHER,
    /** Another legal guardian (an aunt, an appointed guardian). */
    OTHER;

    /** A parent: whose home counts as the family's own (房) in the categories of seed 001. */
    public boolean parent() {
        return this == FATHER || this == MOTHER;
    }
}
