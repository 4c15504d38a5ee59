package io.supplements.author;

import io.supplements.article.Article;
import io.supplements.article.ArticleMapper;
import io.supplements.article.ArticleRepository;
import io.supplements.article.ArticleStatus;
import io.supplements.author.api.AuthorView;
import io.supplements.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AuthorService {
    private final ArticleRepository articles;

    AuthorService(ArticleRepository articles) {
        this.articles = articles;
    }

    /** An author is visible while they have an article the caller may see. */
    @Transactional
    public AuthorView get(String slug, boolean drafts) {
        List<Article> written = articles.list(
                "author.slug = ?1 and status in ?2 order by id desc", slug, ArticleStatus.visible(drafts));
        if (written.isEmpty()) {
            throw ProblemException.notFound("There is no author '" + slug + "'.");
        }
        Author author = written.get(0).author;
        Map<Long, List<String>> topics =
                articles.topicsOf(written.stream().map(a -> a.id).toList());
        return new AuthorView(
                author.slug,
                author.name,
                written.get(0).authorBio,
                written.stream()
                        .map(a -> ArticleMapper.toSummary(a, topics.getOrDefault(a.id, List.of())))
                        .toList());
    }
}
