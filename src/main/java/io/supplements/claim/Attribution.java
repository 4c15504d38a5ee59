package io.supplements.claim;

/** How a claim is supported. Lower-case constants on purpose: the names are the wire and column values. */
public enum Attribution {
    /** It names a source. */
    cited,
    /** It appeals to unnamed evidence: "studies suggest", "some users report". */
    vague,
    /** It offers no support at all. */
    none
}
