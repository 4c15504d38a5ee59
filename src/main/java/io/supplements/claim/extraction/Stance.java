package io.supplements.claim.extraction;

/**
 * How a claim's sentence positions itself towards the effect it talks about. Lower-case constants on
 * purpose: the names are the wire values and the column values.
 */
public enum Stance {
    /** The sentence reports the effect (possibly hedged). */
    asserts,
    /** The sentence reports that the effect was looked for and not found. */
    denies,
    /** The sentence only says the matter is open; it reports no finding either way. */
    uncertain
}
