package io.supplements.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supplements.article.ArticleDraft;
import io.supplements.article.ArticleDrafts;
import io.supplements.article.ArticleService;
import io.supplements.article.ArticleStatus;
import io.supplements.article.api.ArticleView;
import io.supplements.article.api.Limits;
import io.supplements.common.Params;
import io.supplements.common.Problem.FieldError;
import io.supplements.common.ProblemException;
import io.supplements.common.ProblemMapper;
import io.supplements.importer.api.ArticlePreview;
import io.supplements.importer.api.BatchArticle;
import io.supplements.importer.api.BatchResult;
import io.supplements.seedtext.AuthorNames;
import io.supplements.seedtext.ParsedArticle;
import io.supplements.source.SourceService;
import io.supplements.source.api.SourceView;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Imports an article from the seed text format, as one transaction. */
@ApplicationScoped
public class ImportService {
    private static final Pattern SLUG = Pattern.compile(Limits.SLUG);

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int PROGRESS_EVERY = 100;
    private static final int CONFLICT_ATTEMPTS = 5;

    private final ArticleService articles;
    private final SourceService sources;
    private final ObjectMapper json;

    ImportService(ArticleService articles, SourceService sources, ObjectMapper json) {
        this.sources = sources;
        this.articles = articles;
        this.json = json;
    }

    /**
     * @param slug  null to derive it from the title
     * @param title null to use the first section heading
     */
    public record ImportRequest(String slug, String title, List<String> topics, ArticleStatus status) {}

    public ArticleView importText(byte[] text, ImportRequest request) {
        return articles.create(draft(ArticleDrafts.parseText(text), request));
    }

    /** The whole import, conflicts and extraction included, rolled back; what it would have created, without invented ids. */
    public ArticlePreview preview(byte[] text, ImportRequest request) {
        ArticleDraft draft = draft(ArticleDrafts.parseText(text), request);
        ArticleView created;
        QuarkusTransaction.begin();
        try {
            created = articles.create(draft);
        } finally {
            QuarkusTransaction.rollback();
        }
        return ArticlePreview.of(
                created,
                sources.existing(created.sources().stream().map(SourceView::id).toList()));
    }

    /**
     * Each non-blank line of an NDJSON body is one article, imported in a transaction of its own: a line
     * that fails leaves nothing behind and does not stop the others. Progress goes to the log.
     */
    public BatchResult importBatch(byte[] body) {
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        List<BatchResult.Item> items = new ArrayList<>();
        int imported = 0;
        long start = System.nanoTime();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String slug = null;
            try {
                BatchArticle line = json.readValue(lines[i], BatchArticle.class);
                if (line == null || line.text() == null) {
                    throw ProblemException.badRequest(
                            "validation",
                            "Each line needs the article's text.",
                            List.of(FieldError.atPointer("/text", "must not be null")));
                }
                slug = line.slug();
                ArticleDraft draft = draft(
                        ArticleDrafts.parseText(line.text().getBytes(StandardCharsets.UTF_8)),
                        new ImportRequest(
                                Params.text("slug", line.slug()),
                                Params.text("title", line.title()),
                                line.topics() == null ? List.of() : line.topics(),
                                Params.oneOf(ArticleStatus.class, "status", line.status())));
                slug = draft.slug();
                ArticleView article = createRetryingConflicts(draft);
                items.add(new BatchResult.Item(i + 1, slug, 201, article.id(), null));
                imported++;
            } catch (JsonProcessingException e) {
                items.add(failed(
                        i + 1,
                        null,
                        ProblemException.badRequest(
                                "malformed-json",
                                "Line " + (i + 1) + " is not a JSON object of the BatchArticle schema.",
                                null)));
            } catch (RuntimeException e) {
                items.add(failed(i + 1, slug, ProblemMapper.ofWrite(e, "/v1/imports/batch line " + (i + 1))));
            }
            if (items.size() % PROGRESS_EVERY == 0) {
                LOG.infof("Batch import: %d of %d line(s) done, %d imported", items.size(), lines.length, imported);
            }
        }
        LOG.infof(
                "Batch import: %d imported, %d refused, in %d ms",
                imported, items.size() - imported, (System.nanoTime() - start) / 1_000_000);
        return new BatchResult(imported, items.size() - imported, items);
    }

    /**
     * Imports running in parallel can race for a new shared source or topic, or deadlock on them; the
     * loser's transaction is rolled back whole, so it is safe to try again.
     */
    private ArticleView createRetryingConflicts(ArticleDraft draft) {
        for (int attempt = 1; ; attempt++) {
            try {
                return articles.create(draft);
            } catch (RuntimeException e) {
                if (attempt == CONFLICT_ATTEMPTS
                        || ProblemMapper.ofWrite(e, "/v1/imports/batch").status() != 409) {
                    throw e;
                }
            }
        }
    }

    private static BatchResult.Item failed(int line, String slug, ProblemException problem) {
        return new BatchResult.Item(line, slug, problem.status(), null, problem.toProblem("/v1/imports/batch"));
    }

    private static ArticleDraft draft(ParsedArticle parsed, ImportRequest request) {
        String title = request.title() != null
                ? request.title()
                : parsed.sections().get(0).heading();
        if (title.length() > 300 || title.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidParameter("title", "must be one line of at most 300 characters");
        }
        String slug = request.slug() != null ? request.slug() : AuthorNames.slugify(title);
        if (slug.length() > 200 || !SLUG.matcher(slug).matches()) {
            throw ProblemException.invalidParameter("slug", Limits.SLUG_MESSAGE + " (at most 200 characters)");
        }
        for (String topic : request.topics()) {
            if (topic.length() > 100 || !SLUG.matcher(topic).matches()) {
                throw ProblemException.invalidParameter("topic", Limits.SLUG_MESSAGE);
            }
        }
        return new ArticleDraft(
                slug,
                title,
                request.topics(),
                request.status() == null ? ArticleStatus.draft : request.status(),
                parsed);
    }
}
