package io.supplements.claim;

/** Where in the article a claim's paragraph is. Lower-case: wire and column values. */
public enum ClaimLocation {
    summary,
    introduction,
    section,
    conclusion
}
