package io.supplements.source;

/** Lower-case constants on purpose: the names are the wire values and the column values. */
public enum SourceKind {
    journal, web, organization, author, document
}
