package io.supplements.claim.extraction;

/** How a claim says it is supported. JSON renders these as lowercase names. */
public enum Attribution {
    /** The sentence names at least one source inline: "a study published in Pharmacognosy Research (2017)". */
    CITED,
    /** It appeals to evidence without naming it: "studies suggest", "some users report", "experts recommend". */
    VAGUE,
    /** It states the claim on the article's own authority. */
    NONE
}
