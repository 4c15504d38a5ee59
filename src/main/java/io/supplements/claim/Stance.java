package io.supplements.claim;

/** Lower-case constants on purpose: the names are the wire values and the column values. */
public enum Stance {
    asserts, denies, uncertain
}
