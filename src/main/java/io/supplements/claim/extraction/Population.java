package io.supplements.claim.extraction;

import java.util.Locale;

/** Who or what a cited study was done in, as its citing sentence says. */
public enum Population {
    HUMANS,
    ANIMALS,
    CELLS;

    /** The wire and column value: "humans". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
