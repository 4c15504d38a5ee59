package io.supplements.importer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supplements.article.ArticleDraft;
import io.supplements.article.ArticleService;
import io.supplements.article.ArticleStatus;
import io.supplements.article.api.ArticleView;
import io.supplements.article.api.Limits;
import io.supplements.common.Problem.FieldError;
import io.supplements.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/** Imports an article from the seed text format, as one transaction. */
@ApplicationScoped
public class ImportService {
    private static final Pattern SLUG = Pattern.compile(Limits.SLUG);

    private final ArticleService articles;

    ImportService(ArticleService articles) {
        this.articles = articles;
    }

    /**
     * @param slug  null to derive it from the title
     * @param title null to use the first section heading
     */
    public record ImportRequest(String slug, String title, List<String> topics, ArticleStatus status, boolean dryRun) {
    }

    public ArticleView importText(byte[] text, ImportRequest request) {
        ArticleDraft draft = draft(parse(text), request);
        if (!request.dryRun()) {
            return articles.create(draft);
        }
        // A dry run does the whole import, conflicts and extraction included, then rolls it back.
        QuarkusTransaction.begin();
        try {
            return articles.create(draft);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    public static ParsedArticle parse(byte[] text) {
        try {
            ParsedArticle parsed = SeedTextParser.parse(text);
            SeedFormatException overLimit = SeedLines.checkLimits(parsed);
            if (overLimit != null) {
                throw overLimit;
            }
            return parsed;
        } catch (SeedFormatException e) {
            throw ProblemException.badRequest("invalid-article-text", e.getMessage(),
                    List.of(FieldError.atLine(e.line(), e.rule(), e.getMessage())));
        }
    }

    private static ArticleDraft draft(ParsedArticle parsed, ImportRequest request) {
        String title = request.title() != null ? request.title() : parsed.sections().get(0).heading();
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
        return new ArticleDraft(slug, title, request.topics(),
                request.status() == null ? ArticleStatus.draft : request.status(), parsed);
    }
}
