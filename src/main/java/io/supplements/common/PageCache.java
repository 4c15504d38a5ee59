package io.supplements.common;

/**
 * Where {@link ConditionalGetFilter} keeps an anonymous list or feed page it served after a cache miss
 * (implemented by the article cache, which also drops the pages when anything changes).
 */
public interface PageCache {
    /** Whether a page read under this key is worth keeping (the cache's admission). */
    boolean admit(String key);

    /** Keeps a page as served, unless the cache was dropped since {@code generation} was read. */
    void putPage(String key, byte[] body, String etag, String lastModified, String link, long generation);
}
