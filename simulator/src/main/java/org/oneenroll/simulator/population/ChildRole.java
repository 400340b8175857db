package org.oneenroll.simulator.population;

/** Why a child is in the family: an applicant for a stage, or a younger sibling who is not eligible yet. */
public enum ChildRole {
    /** Six full years old by 31 August of the plan year. */
    PRIMARY_APPLICANT(Stage.PRIMARY),
    /** Twelve, finishing primary school in the plan year. */
    JUNIOR_APPLICANT(Stage.JUNIOR),
    /** Born after 31 August six years before the plan year: not eligible this year. */
    YOUNGER_SIBLING(null);

    private final Stage stage;

    ChildRole(Stage stage) {
        this.stage = stage;
    }

    /** The stage applied for, or {@code null} for a younger sibling. */
    public Stage stage() {
        return stage;
    }
}
