package io.supplements.claim;

/** One paragraph of an article's running text, and where it stands; claims are extracted from these. */
public record Prose(ClaimLocation location, String sectionAnchor, int paragraph, String text) {}
