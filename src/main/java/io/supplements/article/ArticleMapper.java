package io.supplements.article;

import io.supplements.article.api.ArticleSummary;
import io.supplements.article.api.ArticleView;
import io.supplements.article.api.AuthorRef;
import io.supplements.article.api.RelatedResourcesView;
import io.supplements.article.api.SectionView;
import io.supplements.claim.Citation;
import io.supplements.claim.ClaimMapper;
import io.supplements.seedtext.ParsedArticle;
import io.supplements.seedtext.ParsedArticle.ParsedSection;
import io.supplements.seedtext.ParsedArticle.RelatedResources;
import io.supplements.seedtext.ParsedArticle.TextLayout;
import io.supplements.source.Source;
import io.supplements.source.SourceMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entities to API shapes and back to the seed text; runs inside the reading transaction. */
public final class ArticleMapper {
    private ArticleMapper() {}

    public static ArticleSummary toSummary(Article a, List<String> topics) {
        return new ArticleSummary(a.id, a.slug, a.title, a.summary, a.status, a.updatedAt, topics);
    }

    /** Every source the article cites or lists, each once, cited ones first in reading order. */
    public static Collection<Source> sourcesOf(ArticleTree t) {
        Map<Long, Source> sources = new LinkedHashMap<>();
        t.citationsByClaim().values().forEach(cs -> cs.forEach(ci -> sources.putIfAbsent(ci.source.id, ci.source)));
        t.related().forEach(r -> sources.putIfAbsent(r.source.id, r.source));
        return sources.values();
    }

    public static ArticleView toView(ArticleTree t) {
        Article a = t.article();
        return new ArticleView(
                a.id,
                a.slug,
                a.title,
                a.summary,
                a.introduction,
                sections(t),
                a.conclusion,
                t.claims().stream()
                        .map(c -> ClaimMapper.toView(c, t.citationsByClaim().getOrDefault(c.id, List.<Citation>of())))
                        .toList(),
                sourcesOf(t).stream().map(SourceMapper::toView).toList(),
                t.related().isEmpty()
                        ? null
                        : new RelatedResourcesView(
                                a.relatedIntro,
                                t.related().stream()
                                        .map(r -> new RelatedResourcesView.Item(
                                                r.source.id, r.name, r.resourceType, r.description, r.url))
                                        .toList()),
                a.author == null ? null : new AuthorRef(a.author.slug, a.author.name, a.authorBio),
                t.topics(),
                a.status,
                a.version,
                a.createdAt,
                a.updatedAt,
                a.publishedAt);
    }

    public static List<SectionView> sections(ArticleTree t) {
        return t.sections().stream()
                .map(s -> new SectionView(
                        s.anchor, s.heading, t.paragraphsBySection().getOrDefault(s.id, List.of())))
                .toList();
    }

    /** The article as the seed text format carries it, for the byte-identical text export. */
    public static ParsedArticle toParsed(ArticleTree t) {
        Article a = t.article();
        return new ParsedArticle(
                a.summary,
                a.introduction,
                t.sections().stream()
                        .map(s -> new ParsedSection(
                                s.heading,
                                s.blankLineAfterHeading,
                                t.paragraphsBySection().getOrDefault(s.id, List.of())))
                        .toList(),
                a.conclusion,
                t.related().isEmpty()
                        ? null
                        : new RelatedResources(
                                a.relatedIntro,
                                t.related().stream()
                                        .map(r -> new ParsedArticle.RelatedResource(
                                                r.name, r.resourceType, r.description, r.url))
                                        .toList()),
                a.authorBio,
                new TextLayout(a.textBom, a.textCrlf, a.textFinalNewline));
    }
}
