package org.oneenroll.simulator.population;

/** Sex as carried by the identity number's sequence digit (odd male, even female). */
public enum Sex {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    /** The Chinese label printed on certificates. */
    public String label() {
        return label;
    }
}
