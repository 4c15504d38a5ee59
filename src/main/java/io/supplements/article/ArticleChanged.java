package io.supplements.article;

/**
 * Fired inside every transaction that changes an article. The change feed records it before commit;
 * observers that must see committed data (the search index) use AFTER_SUCCESS.
 *
 * @param wasPublished whether readers could see the article before the change
 * @param published    whether they can after it
 */
public record ArticleChanged(
        long id, String slug, long version, boolean wasPublished, boolean published, boolean deleted) {

    public static ArticleChanged written(Article a, boolean wasPublished) {
        return new ArticleChanged(a.id, a.slug, a.version, wasPublished, a.status == ArticleStatus.published, false);
    }

    /** A deletion is a change of its own: its tombstone carries a version newer than the last upsert. */
    public static ArticleChanged deleted(Article a) {
        return new ArticleChanged(a.id, a.slug, a.version + 1, a.status == ArticleStatus.published, false, true);
    }
}
