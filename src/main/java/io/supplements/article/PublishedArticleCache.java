package io.supplements.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.buffer.Unpooled;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplements.author.AuthorChanged;
import io.supplements.common.Gzip;
import io.supplements.common.PageCache;
import io.supplements.common.Poller;
import io.supplements.common.SupplementsConfig;
import io.supplements.source.SourceChanged;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Published articles, and the pages of the article list and of the change feed, as an anonymous reader
 * gets them (JSON bytes, strong ETag, Last-Modified, Link), kept in memory so that the common reads
 * cost no query and no serialisation. Correctness comes first:
 *
 * <ul>
 * <li>An entry is dropped when its article changes: at once for writes on this instance, and within
 * the sync interval when the change feed shows a newer version than the entry's, whichever instance
 * wrote it (every change to published content is an entry there with its new version, including
 * renamed sources and authors).
 * <li>A representation read from the database is only kept if nothing that could make it old was
 * dropped while it was being read (a generation counter, and the last drop of each article), so a read
 * racing a write can never store the old version.
 * <li>Drafts and keyed callers never touch it; its size in bytes is bounded.
 * <li>While the database is away the cache keeps answering; the feed is read on from where it stopped.
 * </ul>
 */
@ApplicationScoped
public class PublishedArticleCache implements PageCache {
    private static final Logger LOG = Logger.getLogger(PublishedArticleCache.class);

    /**
     * What is sent, ready to write: the headers pre-encoded, the body, and its gzip form (made at the first
     * request that accepts it if it was not given, then shared by every later one).
     *
     * @param articleId    the article it shows, or 0 for a list or feed page (dropped on any change)
     * @param version      the version of that article (0 for a page): newer versions in the feed drop it
     * @param lastModified the Last-Modified header, or null
     * @param link         the Link header (the next page), or null
     */
    public record Representation(
            long articleId,
            long version,
            Buffer body,
            CharSequence etag,
            CharSequence lastModified,
            CharSequence link,
            Gzipped gzipped) {

        public static Representation of(
                long articleId, long version, byte[] body, String etag, String lastModified, String link) {
            return new Representation(
                    articleId,
                    version,
                    Buffer.buffer(body),
                    header(etag),
                    header(lastModified),
                    header(link),
                    new Gzipped(null));
        }

        /**
         * An article as stored: its JSON and the gzip form it is stored in. The JSON may be null for an answer that
         * is neither kept nor sent as it is (a 304, or gzip bytes to a client that takes them).
         */
        public static Representation ofStored(
                long articleId, long version, byte[] body, byte[] gzip, String etag, String lastModified) {
            return new Representation(
                    articleId,
                    version,
                    body == null ? null : Buffer.buffer(body),
                    header(etag),
                    header(lastModified),
                    null,
                    new Gzipped(Buffer.buffer(gzip)));
        }

        /** The body gzipped: compressed once per entry, not once per answer. */
        public Buffer gzipBody() {
            return gzipped.of(body);
        }

        /**
         * The same representation with its bytes out of the heap, to be kept: tens of megabytes of cached bodies
         * inside a 128 MB heap keep the old generation full, and every collection is then a full one (seen at
         * 50,000 articles). A direct buffer is freed by the JDK's cleaner once the entry is gone, and written to
         * the socket without a copy. Answers that are not kept stay on the heap, where they die young.
         */
        Representation offHeap() {
            Buffer gzip = gzipped.bytes;
            return new Representation(
                    articleId,
                    version,
                    direct(body),
                    etag,
                    lastModified,
                    link,
                    new Gzipped(gzip == null ? null : direct(gzip)));
        }

        private static Buffer direct(Buffer bytes) {
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length());
            direct.put(bytes.getByteBuf().nioBuffer()).flip();
            return Buffer.buffer(Unpooled.wrappedBuffer(direct));
        }

        private static CharSequence header(String value) {
            return value == null ? null : HttpHeaders.createOptimized(value);
        }

        /** What the entry is weighed at: its body, and its gzip form (made later, JSON shrinks to about a fifth). */
        int size() {
            Buffer gzip = gzipped.bytes;
            return body.length() + (gzip == null ? body.length() / 4 : gzip.length());
        }
    }

    /** A body's gzip form, made once; two requests racing to make it both do, and either result is right. */
    public static final class Gzipped {
        private volatile Buffer bytes;

        Gzipped(Buffer bytes) {
            this.bytes = bytes;
        }

        Buffer of(Buffer body) {
            Buffer b = bytes;
            if (b == null) {
                b = Representation.direct(Buffer.buffer(Gzip.compress(body.getBytes())));
                bytes = b;
            }
            return b;
        }
    }

    /**
     * By key: "article:" + slug, or "page:" + the origin, path and known parameters (CachedReadRoute.pageKey;
     * the origin because the Link header names it).
     * Bounded by the bytes it holds; Caffeine's admission and eviction (W-TinyLFU) keep what is read often,
     * so a skewed catalogue (a few articles read far more than the rest) stays in memory. Maintenance runs on
     * the calling thread.
     */
    private final Cache<String, Representation> byKey;
    /**
     * Keys missed lately: an article or page is kept at its second miss among the recent ones, not at its first
     * (a doorkeeper, as in TinyLFU). With a catalogue far larger than the cache most reads are of articles not
     * read again soon (and a mirror reads each feed page once), and copying each out of the heap only for the
     * cache to evict it came to a full collection every few seconds (System.gc() from the JDK's direct-memory
     * limit, at 50,000 articles).
     */
    private final Cache<String, Boolean> missedOnce;

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong everythingDroppedAt = new AtomicLong(-1);

    /** The last drop of an article: at which generation, and the versions it dropped (those below). */
    private record Dropped(long generation, long belowVersion) {}

    /** Recent drops by article; a read begun before the last forgotten one is taken to be old (see {@link #stale}). */
    private final Cache<Long, Dropped> drops;

    private final AtomicLong forgottenDropsUpTo = new AtomicLong(-1);
    private final SupplementsConfig.Cache config;
    private final EntityManager em;
    private volatile long feedPosition;
    private Poller follower;

    PublishedArticleCache(SupplementsConfig config, EntityManager em) {
        this.config = config.cache();
        this.em = em;
        this.byKey = Caffeine.newBuilder()
                .maximumWeight(maxBytes())
                .weigher((String key, Representation r) -> r.size())
                .executor(Runnable::run)
                .build();
        this.drops = Caffeine.newBuilder()
                .maximumSize(100_000)
                .executor(Runnable::run)
                .evictionListener((Long id, Dropped dropped, com.github.benmanes.caffeine.cache.RemovalCause cause) ->
                        forgottenDropsUpTo.accumulateAndGet(dropped.generation(), Math::max))
                .build();
        // About as many as the cache holds articles of 32 KB.
        this.missedOnce = Caffeine.newBuilder()
                .maximumSize(Math.max(1024, maxBytes() / 32768))
                .executor(Runnable::run)
                .build();
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Representation get(String key) {
        return byKey.getIfPresent(key);
    }

    /** Taken before reading from the database; {@link #put} keeps the result only if it is unchanged. */
    public long generation() {
        return generation.get();
    }

    /** Whether an answer read from the database should be kept: true at its second miss among the recent ones. */
    @Override
    public boolean admit(String key) {
        if (missedOnce.asMap().remove(key) != null) {
            return true;
        }
        missedOnce.put(key, Boolean.TRUE);
        return false;
    }

    @Override
    public void putPage(String key, byte[] body, String etag, String lastModified, String link, long generationAtRead) {
        put(key, Representation.of(0, 0, body, etag, lastModified, link), generationAtRead);
    }

    public void put(String key, Representation representation, long generationAtRead) {
        if (stale(representation, generationAtRead) || representation.size() > maxBytes() / 4) {
            return;
        }
        Representation kept = representation.offHeap();
        byKey.put(key, kept);
        // A drop that happened between the check and the put: undo, the article may have changed.
        if (stale(representation, generationAtRead)) {
            byKey.asMap().remove(key, kept);
        }
    }

    /**
     * Whether a drop since the read began could have made it old: any drop, for a page; for an article, a drop of
     * everything or of a newer version of that article. Drops of other articles (the feed follower catching up
     * with writes anywhere) do not stop an article read meanwhile from being kept.
     */
    private boolean stale(Representation r, long generationAtRead) {
        if (generation.get() == generationAtRead) {
            return false;
        }
        if (r.articleId() == 0
                || everythingDroppedAt.get() > generationAtRead
                || forgottenDropsUpTo.get() > generationAtRead) {
            return true;
        }
        Dropped dropped = drops.getIfPresent(r.articleId());
        return dropped != null && dropped.generation() > generationAtRead && r.version() < dropped.belowVersion();
    }

    /** The article's entry if older than the version, and every page: any change can change any list or feed page. */
    void drop(long articleId, long version) {
        long at = generation.incrementAndGet();
        drops.asMap()
                .merge(
                        articleId,
                        new Dropped(at, version),
                        (earlier, now) ->
                                new Dropped(now.generation(), Math.max(earlier.belowVersion(), now.belowVersion())));
        byKey.asMap()
                .values()
                .removeIf(r -> r.articleId() == 0 || (r.articleId() == articleId && r.version() < version));
    }

    private void dropAll() {
        everythingDroppedAt.set(generation.incrementAndGet());
        byKey.invalidateAll();
    }

    private long maxBytes() {
        return config.maxMegabytes() * 1024L * 1024L;
    }

    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        drop(change.id(), Long.MAX_VALUE);
    }

    /** The articles that read differently are not named by these events; they are rare, so drop everything. */
    void sourceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SourceChanged change) {
        dropAll();
    }

    void authorChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuthorChanged change) {
        dropAll();
    }

    void start(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        feedPosition = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1")
                                .getSingleResult())
                        .longValue());
        follower = Poller.start("article-cache-follower", config.syncInterval(), this::followFeed, e -> {
            // The cache stays: it is what answers readers while the database is away, and the feed is
            // read from where it stopped once it is back. Readiness is DOWN meanwhile, so a load balancer
            // sends no one here if only this instance lost the database while others keep writing.
            if (!feedUnreadable) {
                feedUnreadable = true;
                LOG.warn(
                        "Could not read the change feed; serving the cache as it is until the database answers again",
                        e);
            }
        });
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        if (follower != null) {
            follower.stop();
        }
    }

    private volatile boolean feedUnreadable;

    /** Drops what the change feed says changed, whichever instance changed it. */
    private void followFeed() {
        @SuppressWarnings("unchecked")
        List<Object[]> changed = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select seq, article_id, version from change_log where seq > ?1 order by seq")
                        .setParameter(1, feedPosition)
                        .setMaxResults(10_000)
                        .getResultList());
        for (Object[] row : changed) {
            drop(((Number) row[1]).longValue(), ((Number) row[2]).longValue());
            feedPosition = ((Number) row[0]).longValue();
        }
        if (feedUnreadable) {
            feedUnreadable = false;
            LOG.info("The change feed is readable again; the cache caught up with it");
        }
    }
}
