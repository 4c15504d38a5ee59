package io.supplements.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supplements.common.SupplementsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of {@code search_head} (which articles hold a word in their title or summary, and with what
 * weight) and the articles of each topic, read once per word or topic and kept in memory while the
 * change feed stays where it was when they were read. Every write that changes what an anonymous
 * search can find (a published article's title, summary, topics or status) moves the feed in its own
 * transaction, so a search that first reads the feed's position and finds it unmoved may use what is
 * kept: its answer reflects every commit before it, on every instance. When the feed moves, everything
 * kept is dropped and read again as searches need it.
 *
 * <p>Drafts' rows are kept too but never served: a draft changes without moving the feed, but it cannot
 * become published without moving it, and the ids of the published articles are kept the same way.
 */
@ApplicationScoped
class HeadTerms {
    /** An article id and its weight, sorted by id. */
    record Postings(long[] ids, byte[] weights) {
        static final Postings NONE = new Postings(new long[0], new byte[0]);

        int bytes() {
            return 64 + ids.length * 9;
        }
    }

    private final EntityManager em;
    private final Cache<String, Postings> words;
    private final Cache<String, long[]> topics;
    private volatile long[] published;
    private volatile long position = -1;

    HeadTerms(EntityManager em, SupplementsConfig config) {
        this.em = em;
        long bytes = config.search().headTermsMegabytes() * 1024L * 1024L;
        this.words = Caffeine.newBuilder()
                .maximumWeight(bytes)
                .weigher((String w, Postings p) -> p.bytes())
                .build();
        this.topics = Caffeine.newBuilder()
                .maximumWeight(bytes / 4)
                .weigher((String t, long[] ids) -> 64 + ids.length * 8)
                .build();
    }

    /**
     * Makes what is kept valid for {@code feedPosition}, read by the caller before any other read of its
     * search: what was read before the feed moved there is dropped. A search that read an older position
     * than another may use what is kept (it is newer than it needs) but keeps nothing it reads.
     */
    synchronized void at(long feedPosition) {
        if (feedPosition > position) {
            words.invalidateAll();
            topics.invalidateAll();
            published = null;
            position = feedPosition;
        }
    }

    /** The articles holding {@code lexeme} up front, read in the caller's transaction if not kept. */
    Postings of(String lexeme, long feedPosition) {
        Postings kept = words.getIfPresent(lexeme);
        if (kept != null) {
            return kept;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select article_id, weight from search_head where lexeme = :lexeme order by article_id")
                .setParameter("lexeme", lexeme)
                .getResultList();
        long[] ids = new long[rows.size()];
        byte[] weights = new byte[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ((Number) rows.get(i)[0]).longValue();
            weights[i] = ((Number) rows.get(i)[1]).byteValue();
        }
        Postings read = ids.length == 0 ? Postings.NONE : new Postings(ids, weights);
        keep(() -> words.put(lexeme, read), feedPosition);
        return read;
    }

    /** The ids of the topic's articles, sorted; empty for an unknown topic. */
    long[] topic(String slug, long feedPosition) {
        long[] kept = topics.getIfPresent(slug);
        if (kept != null) {
            return kept;
        }
        long[] ids = em
                .createNativeQuery("select at.article_id from article_topic at join topic t on t.id = at.topic_id"
                        + " where t.slug = :slug order by at.article_id")
                .setParameter("slug", slug)
                .getResultList()
                .stream()
                .mapToLong(id -> ((Number) id).longValue())
                .toArray();
        keep(() -> topics.put(slug, ids), feedPosition);
        return ids;
    }

    /**
     * The ids of the published articles, sorted. Whether an article is published changes only with a
     * write that moves the feed (publishing, unpublishing, deleting, creating it published).
     */
    long[] published(long feedPosition) {
        long[] kept = published;
        if (kept != null) {
            return kept;
        }
        long[] ids = em
                .createNativeQuery("select id from article where status = 'published' order by id")
                .getResultList()
                .stream()
                .mapToLong(id -> ((Number) id).longValue())
                .toArray();
        keep(() -> published = ids, feedPosition);
        return ids;
    }

    /** Kept only if no other search has moved the cache on to a newer position meanwhile. */
    private synchronized void keep(Runnable put, long feedPosition) {
        if (feedPosition == position) {
            put.run();
        }
    }

    static boolean contains(long[] sorted, long id) {
        return Arrays.binarySearch(sorted, id) >= 0;
    }
}
