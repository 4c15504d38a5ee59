package io.supplements.claim.extraction;

/** How a claim's sentence positions itself towards the effect it talks about. */
public enum Stance {
    /** The sentence reports the effect (possibly hedged). */
    ASSERTS,
    /** The sentence reports that the effect was looked for and not found. */
    DENIES,
    /** The sentence only says the matter is open; it reports no finding either way. */
    UNCERTAIN
}
