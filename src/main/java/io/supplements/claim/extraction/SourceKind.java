package io.supplements.claim.extraction;

/** What kind of source an inline citation names. JSON renders these as lowercase names. */
public enum SourceKind {
    /** A journal named in the text, e.g. "published in Pharmacognosy Research (2019)". */
    JOURNAL,
    /** A web page or site; not recognised inline in this pass, reserved for linked sources. */
    WEB,
    /** A public-health or regulatory body, e.g. "the FDA has issued warnings". */
    ORGANIZATION
}
