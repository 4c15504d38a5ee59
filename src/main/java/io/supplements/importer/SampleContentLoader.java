package io.supplements.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.supplements.article.Article;
import io.supplements.article.ArticleDraft;
import io.supplements.article.ArticleDrafts;
import io.supplements.article.ArticleService;
import io.supplements.article.ArticleStatus;
import io.supplements.common.SupplementsConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the bundled sample articles (src/main/resources/sample-content, listed in manifest.json)
 * into an empty database, published, all in one transaction.
 */
@ApplicationScoped
public class SampleContentLoader {
    private static final Logger LOG = Logger.getLogger(SampleContentLoader.class);
    static final String FOLDER = "sample-content/";

    record Entry(String file, String slug, String title, List<String> topics) {}

    private final SupplementsConfig config;
    private final ArticleService articles;
    private final ObjectMapper json;

    SampleContentLoader(SupplementsConfig config, ArticleService articles, ObjectMapper json) {
        this.config = config;
        this.articles = articles;
        this.json = json;
    }

    void onStart(@Observes @Priority(5) StartupEvent start) {
        if (!config.sampleContent()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (Article.find("from Article").firstResultOptional().isPresent()) { // not count(): that reads them all
                LOG.info("Sample content not loaded: the database already has articles");
                return;
            }
            List<Entry> entries = List.of(json.convertValue(readJson(), Entry[].class));
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                articles.create(new ArticleDraft(
                        e.slug(),
                        e.title(),
                        e.topics(),
                        ArticleStatus.published,
                        ArticleDrafts.parseText(read(FOLDER + e.file()))));
                LOG.infof("Sample content: imported %d/%d %s", i + 1, entries.size(), e.slug());
            }
        });
    }

    private com.fasterxml.jackson.databind.JsonNode readJson() {
        try {
            return json.readTree(read(FOLDER + "manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
