package org.oneenroll.simulator.population;

/** An adult's relation to the family's children (与学生关系). */
public enum Kinship {
    FATHER("父亲"),
    MOTHER("母亲"),
    GRANDFATHER("祖父"),
    GRANDMOTHER("祖母"),
    MATERNAL_GRANDFATHER("外祖父"),
    MATERNAL_GRANDMOTHER("外祖母");

    private final String label;

    Kinship(String label) {
        this.label = label;
    }

    /** The Chinese label used on the application form. */
    public String label() {
        return label;
    }
}
