package io.supplements.claim.extraction;

/** How a claim says it is supported. Lower-case constants on purpose: the names are the wire and column values. */
public enum Attribution {
    /** The sentence names at least one source inline: "a study published in Pharmacognosy Research (2017)". */
    cited,
    /** It appeals to evidence without naming it: "studies suggest", "some users report", "experts recommend". */
    vague,
    /** It states the claim on the article's own authority. */
    none
}
