package io.supplements.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplements.article.api.SectionView;
import io.supplements.common.ETags;
import io.supplements.common.Gzip;
import io.supplements.common.SupplementsConfig;
import io.supplements.search.ArticleSearch;
import io.supplements.seedtext.SeedTextWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Each article as a read serves it, stored with the article: the JSON of GET /v1/articles/{slug}, its
 * strong ETag and the ETag of the text export, and what search finds it by. {@link #store} runs in every
 * transaction that changes how an article reads (the change recorder calls it just before commit, for the
 * articles written and for those whose shared sources or author changed), so a read is one indexed query
 * with no tree loading, mapping or hashing, on any instance, right after the commit.
 */
@ApplicationScoped
public class ArticleRepresentations {
    /** The one statement of a read. */
    public static final String READ = "select id, version, status, updated_at, served_gzip, served_etag, text_etag"
            + " from article where slug = ?";
    /** The one statement of a batch of reads ({@link #readBatched}). */
    public static final String READ_MANY =
            "select id, version, status, updated_at, served_gzip, served_etag, text_etag, slug"
                    + " from article where slug = any(?)";

    /**
     * What a read of the article serves: {@code gzip} holds its JSON gzipped (null if not stored yet), {@code etag}
     * is the strong ETag of the JSON itself.
     */
    public record Stored(
            long id, long version, ArticleStatus status, Instant updatedAt, byte[] gzip, String etag, String textEtag) {
        public boolean published() {
            return status == ArticleStatus.published;
        }

        /** The JSON bytes, inflated on each call. */
        public byte[] json() {
            return gzip == null ? null : Gzip.inflate(gzip);
        }
    }

    /** The change feed's head: what every write that changes a published article advances, in its transaction. */
    public static final String FEED_POSITION = "select last_seq from change_counter where id = 1";

    /** A read of one article, or (slug and result null) of the feed's position. */
    private record Pending(String slug, CompletableFuture<Optional<Stored>> result, CompletableFuture<Long> position) {
        void fail(Throwable e) {
            (slug == null ? position : result).completeExceptionally(e);
        }
    }

    private static final Logger LOG = Logger.getLogger(ArticleRepresentations.class);

    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final SupplementsConfig.Reads config;
    private final ManagedExecutor renderer;
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean stopping;
    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final ArticleRepository articles;
    private final ArticleSearch search;
    private final ObjectMapper json;

    ArticleRepresentations(
            AgroalDataSource dataSource,
            EntityManager em,
            ArticleRepository articles,
            ArticleSearch search,
            ObjectMapper json,
            SupplementsConfig config,
            ManagedExecutor renderer) {
        this.config = config.reads();
        this.renderer = renderer;
        this.dataSource = dataSource;
        this.em = em;
        this.articles = articles;
        this.search = search;
        this.json = json;
    }

    /** Renders the article as it now stands in this transaction and stores the result; returns the JSON. */
    public String store(Article a) {
        ArticleTree tree = articles.loadTree(a);
        byte[] body = toJson(tree);
        em.createNativeQuery("update article set served_gzip = ?1, served_etag = ?2, text_etag = ?3 where id = ?4")
                .setParameter(1, Gzip.compress(body))
                .setParameter(2, ETags.of(body))
                .setParameter(3, ETags.of(SeedTextWriter.writeBytes(ArticleMapper.toParsed(tree))))
                .setParameter(4, a.id)
                .executeUpdate();
        search.index(a.id, a.title, a.summary, prose(tree));
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON GET /v1/articles/{slug} serves for this tree. */
    public byte[] toJson(ArticleTree tree) {
        try {
            return json.writeValueAsBytes(ArticleMapper.toView(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The stored representation, in one query on the slug's unique index; outside any transaction, so it
     * can run on any thread. An article written before representations were stored gets one first.
     */
    public Optional<Stored> read(String slug) {
        Optional<Stored> stored = query(slug);
        if (stored.isPresent() && stored.get().gzip() == null) {
            QuarkusTransaction.requiringNew()
                    .run(() -> articles.findBySlugForUpdate(slug).ifPresent(this::storeIfMissing));
            return query(slug);
        }
        return stored;
    }

    /**
     * As {@link #read}, done by one of a few reader threads together with the other reads waiting then, in
     * one query: for callers outside any transaction (the cached-read route, keyed reads).
     */
    public CompletableFuture<Optional<Stored>> readBatched(String slug) {
        CompletableFuture<Optional<Stored>> result = new CompletableFuture<>();
        if (stopping) {
            result.completeExceptionally(new IllegalStateException("shutting down"));
            return result;
        }
        pending.add(new Pending(slug, result, null));
        return result;
    }

    /**
     * The change feed's position as committed now, read by a reader thread with the reads waiting then:
     * what a cached search answer is checked against, so that it reflects every commit before the request.
     */
    public CompletableFuture<Long> feedPositionBatched() {
        CompletableFuture<Long> position = new CompletableFuture<>();
        if (stopping) {
            position.completeExceptionally(new IllegalStateException("shutting down"));
            return position;
        }
        pending.add(new Pending(null, null, position));
        return position;
    }

    void start(@Observes StartupEvent start) {
        for (int i = 0; i < config.threads(); i++) {
            Thread reader = new Thread(this::readBatches, "article-reader-" + i);
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        stopping = true;
        readers.forEach(Thread::interrupt);
    }

    private void readBatches() {
        List<Pending> batch = new ArrayList<>(config.batch());
        while (!stopping) {
            try {
                batch.add(pending.take());
            } catch (InterruptedException e) {
                break;
            }
            pending.drainTo(batch, config.batch() - 1);
            try {
                if (batch.stream().anyMatch(p -> p.slug() == null)) {
                    long position = feedPosition();
                    batch.stream()
                            .filter(p -> p.slug() == null)
                            .forEach(p -> p.position().complete(position));
                }
                String[] slugs = batch.stream()
                        .map(Pending::slug)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toArray(String[]::new);
                Map<String, Stored> found = slugs.length == 0 ? Map.of() : queryMany(slugs);
                for (Pending p : batch) {
                    if (p.slug() == null) {
                        continue;
                    }
                    Stored stored = found.get(p.slug());
                    if (stored != null && stored.gzip() == null) {
                        // Written before representations were stored: rendered and stored the usual way, off this
                        // thread.
                        renderer.supplyAsync(() -> read(p.slug())).whenComplete((r, e) -> {
                            if (e == null) {
                                p.result().complete(r);
                            } else {
                                p.result().completeExceptionally(e);
                            }
                        });
                    } else {
                        p.result().complete(Optional.ofNullable(stored));
                    }
                }
            } catch (RuntimeException e) {
                batch.forEach(p -> p.fail(e));
            } catch (Error e) {
                batch.forEach(p -> p.fail(e));
                LOG.error("Article reader failed", e);
            }
            batch.clear();
        }
        pending.forEach(p -> p.fail(new IllegalStateException("shutting down")));
    }

    /** As {@link #read} for several articles, in one query on this thread (and its transaction, if any). */
    public Map<String, Stored> readMany(Collection<String> slugs) {
        Map<String, Stored> found = slugs.isEmpty() ? new HashMap<>() : queryMany(slugs.toArray(String[]::new));
        found.replaceAll((slug, stored) -> stored.gzip() == null ? read(slug).orElse(stored) : stored);
        return found;
    }

    private long feedPosition() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(FEED_POSITION);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the change feed's position", e);
        }
    }

    private Map<String, Stored> queryMany(String[] slugs) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(READ_MANY)) {
            ps.setArray(1, c.createArrayOf("varchar", slugs));
            Map<String, Stored> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(8), stored(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + slugs.length + " article(s)", e);
        }
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(
                rs.getLong(1),
                rs.getLong(2),
                ArticleStatus.valueOf(rs.getString(3)),
                rs.getObject(4, OffsetDateTime.class).toInstant(),
                rs.getBytes(5),
                rs.getString(6),
                rs.getString(7));
    }

    /** The ETags of the article's JSON and text export, read in the current transaction. */
    public List<String> etags(Article a) {
        Object[] tags = (Object[]) em.createNativeQuery("select served_etag, text_etag from article where id = ?1")
                .setParameter(1, a.id)
                .getSingleResult();
        if (tags[0] == null) {
            storeIfMissing(a);
            return etags(a);
        }
        return List.of((String) tags[0], (String) tags[1]);
    }

    private void storeIfMissing(Article a) {
        Number missing =
                (Number) em.createNativeQuery("select count(*) from article where id = ?1 and served_etag is null")
                        .setParameter(1, a.id)
                        .getSingleResult();
        if (missing.intValue() > 0) {
            store(a);
        }
    }

    private Optional<Stored> query(String slug) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(stored(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read article '" + slug + "'", e);
        }
    }

    /** What search finds an article by besides its title and summary: the introduction, the sections and the conclusion. */
    private static String prose(ArticleTree tree) {
        StringBuilder body = new StringBuilder(tree.article().introduction).append('\n');
        for (SectionView s : ArticleMapper.sections(tree)) {
            body.append(s.heading()).append('\n');
            s.paragraphs().forEach(p -> body.append(p).append('\n'));
        }
        return body.append(tree.article().conclusion).toString();
    }
}
