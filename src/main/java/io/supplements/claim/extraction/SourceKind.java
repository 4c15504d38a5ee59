package io.supplements.claim.extraction;

/** What kind of source an inline citation names. JSON renders these as lowercase names. */
public enum SourceKind {
    /** A journal named in the text, e.g. "published in Pharmacognosy Research (2019)". */
    JOURNAL,
    /** A web page or site; not recognised inline in this pass, reserved for linked sources. */
    WEB,
    /** A public-health or regulatory body, e.g. "the FDA has issued warnings". */
    ORGANIZATION,
    /** An author-year citation, named by the first author's surname: "(Poortmans et al., 1999)". */
    AUTHOR,
    /** A document cited only by an identifier, named by it: "(PMID: 18502412)", "(NCT00449865)". */
    DOCUMENT
}
