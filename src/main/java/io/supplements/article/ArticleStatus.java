package io.supplements.article;

/** Lower-case constants on purpose: the names are the wire values and the column values. */
public enum ArticleStatus {
    draft, published
}
