package io.supplements.source;

/**
 * Fired in the transaction that changes how a source reads (name, URL, description, identifiers...):
 * every published article citing it now reads differently, so the change feed records them too.
 */
public record SourceChanged(long id) {}
