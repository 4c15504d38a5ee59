package io.supplements.claim.extraction;

/** What kind of source a citation names. Lower-case constants on purpose: the names are the wire and column values. */
public enum SourceKind {
    /** A journal named in the text, e.g. "published in Pharmacognosy Research (2019)". */
    journal,
    /** A web page or site: a source an editor links; not recognised inline. */
    web,
    /** A public-health or regulatory body, e.g. "the FDA has issued warnings". */
    organization,
    /** An author-year citation, named by the first author's surname: "(Poortmans et al., 1999)". */
    author,
    /** A document cited only by an identifier, named by it: "(PMID: 18502412)", "(NCT00449865)". */
    document
}
