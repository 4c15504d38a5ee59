package io.supplements.article;

import java.util.List;

/** Lower-case constants on purpose: the names are the wire values and the column values. */
public enum ArticleStatus {
    draft,
    published;

    private static final List<ArticleStatus> ALL = List.of(values());
    private static final List<ArticleStatus> PUBLISHED = List.of(published);

    /** The statuses a caller may see: every one with a key, published only without. */
    public static List<ArticleStatus> visible(boolean drafts) {
        return drafts ? ALL : PUBLISHED;
    }
}
