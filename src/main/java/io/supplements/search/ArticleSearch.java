package io.supplements.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplements.article.Article;
import io.supplements.article.ArticleChanged;
import io.supplements.article.ArticleMapper;
import io.supplements.article.ArticleRepository;
import io.supplements.article.ArticleTree;
import io.supplements.article.api.SectionView;
import io.supplements.common.Poller;
import io.supplements.common.ProblemException;
import io.supplements.common.SupplementsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jboss.logging.Logger;

/**
 * Full-text search over articles with an in-process Lucene index, so that relevance ranking is the
 * same on H2 and PostgreSQL. Built from the database at start and updated after each committed write
 * on this instance; writes on other instances are found by polling for recently updated articles
 * (drafts included, which the change feed does not carry) and indexed within the sync interval.
 * The index holds every status; callers filter by visibility in the database, which also hides an
 * article another instance deleted.
 */
@ApplicationScoped
public class ArticleSearch {
    private static final Logger LOG = Logger.getLogger(ArticleSearch.class);
    private static final int MAX_HITS = 1000;
    private static final Map<String, Float> FIELDS = Map.of("title", 4f, "summary", 2f, "body", 1f);

    /** Articles written this long ago are still looked at: commits land late, and instance clocks differ. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(1);

    private final ArticleRepository articles;
    private final EntityManager em;
    private final Duration syncInterval;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The version of each article as indexed: the poll re-indexes only what changed. */
    private final Map<Long, Long> indexed = new ConcurrentHashMap<>();
    private Poller follower;

    ArticleSearch(ArticleRepository articles, EntityManager em, SupplementsConfig config) {
        this.articles = articles;
        this.em = em;
        this.syncInterval = config.search().syncInterval();
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A matching article and its score; ordered by score, then newest first. */
    public record Hit(long id, float score) {
        public static final Comparator<Hit> ORDER = Comparator.comparing(Hit::score).reversed()
                .thenComparing(Comparator.comparingLong(Hit::id).reversed());

        public String cursorKey() {
            return Float.floatToIntBits(score) + ":" + id;
        }

        public static Hit fromCursorKey(String key) {
            String[] parts = key.split(":", 2);
            try {
                return new Hit(Long.parseLong(parts[1]), Float.intBitsToFloat(Integer.parseInt(parts[0])));
            } catch (RuntimeException e) {
                throw ProblemException.invalidParameter("cursor",
                        "is not a cursor this API issued; start again without it");
            }
        }
    }

    public List<Hit> search(String text) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, FIELDS);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query query = parser.parse(text);
        if (query == null) {
            return List.of();
        }
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Hit> hits = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(query, MAX_HITS).scoreDocs) {
                    hits.add(new Hit(searcher.storedFields().document(sd.doc).getField("id").numericValue().longValue(), sd.score));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw ProblemException.invalidParameter("q", "matches too many terms; make it more specific");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void rebuild(@Observes @Priority(10) StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Article> all = articles.listAll();
            for (Article a : all) {
                index(articles.loadTree(a));
            }
            LOG.infof("Search index built: %d article(s)", all.size());
        });
        follower = Poller.start("search-follower", syncInterval, this::indexOtherInstancesWrites,
                e -> LOG.warn("Could not look for articles written on other instances; trying again", e));
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        if (follower != null) {
            follower.stop();
        }
    }

    private void indexOtherInstancesWrites() {
        @SuppressWarnings("unchecked")
        List<Object[]> recent = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id, version from article where updated_at > ?1").setParameter(1, Instant.now().minus(LOOK_BACK))
                .getResultList());
        for (Object[] row : recent) {
            long id = ((Number) row[0]).longValue();
            Long known = indexed.get(id);
            if (known == null || known != ((Number) row[1]).longValue()) {
                reindex(id);
            }
        }
    }

    private synchronized void reindex(long id) {
        QuarkusTransaction.requiringNew().run(() -> articles.findByIdOptional(id).ifPresent(a -> index(articles.loadTree(a))));
    }

    /**
     * Serialised, and each article re-read inside the lock: two writes that commit close together
     * cannot leave the older version in the index.
     */
    synchronized void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        try {
            if (change.deleted()) {
                writer.deleteDocuments(new Term("key", Long.toString(change.id())));
                indexed.remove(change.id());
            } else {
                reindex(change.id());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void index(ArticleTree tree) {
        Article a = tree.article();
        StringBuilder body = new StringBuilder(a.introduction).append('\n');
        for (SectionView s : ArticleMapper.sections(tree)) {
            body.append(s.heading()).append('\n');
            s.paragraphs().forEach(p -> body.append(p).append('\n'));
        }
        body.append(a.conclusion);
        Document doc = new Document();
        doc.add(new StringField("key", a.id.toString(), Field.Store.NO));
        doc.add(new StoredField("id", a.id));
        doc.add(new TextField("title", a.title, Field.Store.NO));
        doc.add(new TextField("summary", a.summary, Field.Store.NO));
        doc.add(new TextField("body", body.toString(), Field.Store.NO));
        try {
            writer.updateDocument(new Term("key", a.id.toString()), doc);
            indexed.put(a.id, a.version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
