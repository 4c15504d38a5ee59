package io.supplements.article;

import io.supplements.seedtext.ParsedArticle;
import java.util.List;

/**
 * What creating or replacing an article needs, whether it came as JSON or as seed text.
 *
 * @param status null: a new article is a draft, a replaced one keeps its status
 */
public record ArticleDraft(String slug, String title, List<String> topics, ArticleStatus status, ParsedArticle text) {}
