package io.supplements.author;

/** Fired in the transaction that renames an author: the published articles by them read differently. */
public record AuthorChanged(long id) {}
