package io.supplements.article;

/** Fired inside the writing transaction; observers that must see committed data use AFTER_SUCCESS. */
public record ArticleChanged(long id, String slug, boolean deleted) {
}
