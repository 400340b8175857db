package org.oneenroll.admission.entity;

import java.util.Locale;
import org.oneenroll.platform.control.Messages;

/** Where an admission round is: prepared (input published), drawn, published to the families, or cancelled. */
public enum RoundStatus {
    /** The input is fixed and its hash can be published; the ceremony seed is awaited. */
    PREPARED,
    /** The seed is recorded and the result computed; nothing has been told to the families yet. */
    DRAWN,
    /** The cases moved and the families were texted; final. */
    PUBLISHED,
    /** Abandoned before publishing, with a reason; final. */
    CANCELLED;

    /** Whether the round still blocks another round of its county, year and stage. */
    public boolean open() {
        return this == PREPARED || this == DRAWN;
    }

    /** The status as people read it: message key {@code admission.round.status.<NAME>}. */
    public String label(Locale locale) {
        return Messages.format(locale, "admission.round.status." + name());
    }
}
