package io.supplements.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Entries carry their article's version: the change feed drops what it has a newer version of, and only that. */
@QuarkusTest
class PublishedArticleCacheTest {
    private static final long ARTICLE = 987_654_321L; // no such article: the feed follower never names it

    @Inject
    PublishedArticleCache cache;

    private static PublishedArticleCache.Representation article(long version) {
        return articleOf(ARTICLE, version);
    }

    private static PublishedArticleCache.Representation articleOf(long id, long version) {
        return PublishedArticleCache.Representation.of(
                id, version, "{}".getBytes(StandardCharsets.UTF_8), "\"e" + version + "\"", null, null);
    }

    @Test
    void aFeedEntryDropsOlderVersionsOfItsArticleAndEveryPage() {
        cache.put("article:versioned", article(3), cache.generation());
        cache.put(
                "page:http://example/v1/articles?limit=1",
                PublishedArticleCache.Representation.of(
                        0, 0, "[]".getBytes(StandardCharsets.UTF_8), "\"p\"", null, null),
                cache.generation());

        cache.drop(ARTICLE, 3); // what this entry already shows, e.g. this instance's own write seen again in the feed
        assertNotNull(cache.get("article:versioned"), "the same version stays");
        assertNull(cache.get("page:http://example/v1/articles?limit=1"), "a page is dropped on any change");

        cache.drop(ARTICLE + 1, 10);
        assertNotNull(cache.get("article:versioned"), "another article's change leaves it");

        cache.drop(ARTICLE, 4);
        assertNull(cache.get("article:versioned"), "a newer version drops it");
    }

    @Test
    void aRepresentationReadBeforeADropIsNotStored() {
        long before = cache.generation();
        cache.drop(ARTICLE, 2); // version 2 written while version 1 was being read
        cache.put("article:raced", article(1), before);
        assertNull(cache.get("article:raced"));
    }

    @Test
    void aReadIsKeptDespiteDropsThatCannotMakeItOld() {
        long other = ARTICLE + 100; // an article no other test drops
        long before = cache.generation();
        cache.drop(other + 1, 5); // another article changed meanwhile
        cache.drop(other, 2); // the feed showing the very version that was read
        cache.put("article:unaffected", articleOf(other, 2), before);
        assertNotNull(cache.get("article:unaffected"));

        before = cache.generation();
        cache.drop(other, 3);
        cache.put("article:overtaken", articleOf(other, 2), before);
        assertNull(cache.get("article:overtaken"), "a newer version was dropped while version 2 was read");
        cache.put(
                "page:http://example/v1/changes",
                PublishedArticleCache.Representation.of(
                        0, 0, "[]".getBytes(StandardCharsets.UTF_8), "\"p\"", null, null),
                before);
        assertNull(cache.get("page:http://example/v1/changes"), "any drop makes a page read meanwhile old");
    }

    @Test
    void anArticleIsKeptAtItsSecondMissNotItsFirst() {
        assertFalse(cache.admit("article:read-once"), "one read of an article says nothing about the next");
        assertFalse(cache.admit("article:other"));
        assertTrue(cache.admit("article:read-once"), "read again while still remembered: worth keeping");
        assertFalse(
                cache.admit("article:read-once"), "remembered once only: a dropped entry must be missed twice again");
    }
}
