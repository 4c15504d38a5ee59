package io.supplements.article;

import io.supplements.article.api.ArticleSummary;
import io.supplements.article.api.ArticleView;
import io.supplements.article.api.EvidenceReport;
import io.supplements.article.api.SectionView;
import io.supplements.claim.Prose;
import io.supplements.claim.api.ClaimView;
import io.supplements.common.ETags;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.ProblemException;
import io.supplements.common.RecordsChanges;
import io.supplements.search.ArticleSearch;
import io.supplements.search.ArticleSearch.Hit;
import io.supplements.seedtext.ParsedArticle;
import io.supplements.seedtext.SeedTextWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ArticleService {
    private final ArticleRepository articles;
    private final ArticleContentWriter content;
    private final ArticleSearch search;
    private final ArticleRepresentations representations;
    private final Event<ArticleChanged> changed;
    private final ETags etags;
    private final Clock clock;

    ArticleService(
            ArticleRepository articles,
            ArticleContentWriter content,
            ArticleSearch search,
            ArticleRepresentations representations,
            Event<ArticleChanged> changed,
            ETags etags,
            Clock clock) {
        this.clock = clock;
        this.articles = articles;
        this.representations = representations;
        this.etags = etags;
        this.content = content;
        this.search = search;
        this.changed = changed;
    }

    /** Filters of the article list; {@code status} null means every status the caller may see. */
    public record ListQuery(ArticleStatus status, String topic, String q) {}

    @Transactional
    public Page<ArticleSummary> list(ListQuery query, Paging paging, boolean drafts) {
        ArticleStatus status = drafts ? query.status() : ArticleStatus.published;
        if (query.q() != null) {
            return search(query, status, paging);
        }
        List<Article> rows = articles.page(status, query.topic(), paging.afterId(), paging.limit());
        Map<Long, List<String>> topics =
                articles.topicsOf(rows.stream().map(a -> a.id).toList());
        return paging.page(
                rows, a -> a.id.toString(), a -> ArticleMapper.toSummary(a, topics.getOrDefault(a.id, List.of())));
    }

    /** Ranked by relevance (then newest); the cursor is the (score, id) of the last hit served. */
    private Page<ArticleSummary> search(ListQuery query, ArticleStatus status, Paging paging) {
        Hit after = paging.after() == null ? null : Hit.fromCursorKey(paging.after());
        List<Hit> hits = search.search(
                query.q(), status == null ? null : status.name(), query.topic(), after, paging.limit() + 1);
        Map<Long, Article> found = articles.byIds(hits.stream().map(Hit::id).toList());
        Map<Long, List<String>> topics = articles.topicsOf(found.keySet());
        List<Hit> rows =
                hits.stream().filter(h -> found.containsKey(h.id())).toList(); // not one deleted since the search ran
        return paging.page(
                rows,
                Hit::cursorKey,
                h -> ArticleMapper.toSummary(found.get(h.id()), topics.getOrDefault(h.id(), List.of())));
    }

    /** The article as stored by its last write: one query, nothing rendered. */
    public ArticleRepresentations.Stored get(String slug, boolean drafts) {
        return representations
                .readBatched(slug)
                .join()
                .filter(a -> drafts || a.published())
                .orElseThrow(() -> ProblemException.notFound("There is no article '" + slug + "'."));
    }

    /** The article in the seed text format, byte-identical to the text it was imported from. */
    @Transactional
    public byte[] exportText(String slug, boolean drafts) {
        return SeedTextWriter.writeBytes(ArticleMapper.toParsed(articles.loadTree(find(slug, drafts))));
    }

    /** The article as schema.org JSON-LD; {@code articleUrl} is where it is served. */
    @Transactional
    public Map<String, Object> jsonLd(String slug, boolean drafts, String articleUrl) {
        return JsonLd.of(articles.loadTree(find(slug, drafts)), articleUrl);
    }

    @Transactional
    public List<SectionView> sections(String slug, boolean drafts) {
        return ArticleMapper.sections(articles.loadTree(find(slug, drafts)));
    }

    @Transactional
    public SectionView section(String slug, String anchor, boolean drafts) {
        return sections(slug, drafts).stream()
                .filter(s -> s.anchor().equals(anchor))
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.notFound("Article '" + slug + "' has no section '" + anchor + "'."));
    }

    @Transactional
    public EvidenceReport evidence(String slug, boolean drafts) {
        return Evidence.of(articles.loadTree(find(slug, drafts)));
    }

    @Transactional
    public List<ClaimView> claims(String slug, boolean drafts) {
        return ArticleMapper.toView(articles.loadTree(find(slug, drafts))).claims();
    }

    @Transactional
    @RecordsChanges
    public ArticleView create(ArticleDraft draft) {
        if (articles.findBySlug(draft.slug()).isPresent()) {
            throw ProblemException.conflict("An article with slug '" + draft.slug() + "' already exists.");
        }
        Instant now = clock.instant();
        Article a = new Article();
        a.slug = draft.slug();
        a.title = draft.title();
        a.status = draft.status() == null ? ArticleStatus.draft : draft.status();
        a.version = 1;
        a.createdAt = now;
        a.updatedAt = now;
        a.publishedAt = a.status == ArticleStatus.published ? now : null;
        content.write(a, draft.text(), draft.topics(), now);
        return saved(a, false);
    }

    @Transactional
    @RecordsChanges
    public ArticleView replace(String slug, ArticleDraft draft, String ifMatch) {
        return replace(findForUpdate(slug, ifMatch), draft);
    }

    /** Re-import: the article's text replaced from the seed format; its slug, title, topics and status stay. */
    @Transactional
    @RecordsChanges
    public ArticleView replaceText(String slug, ParsedArticle text, String ifMatch) {
        Article a = findForUpdate(slug, ifMatch);
        List<String> topics = a.topics.stream().map(t -> t.slug).sorted().toList();
        return replace(a, new ArticleDraft(a.slug, a.title, topics, a.status, text));
    }

    private ArticleView replace(Article a, ArticleDraft draft) {
        String slug = a.slug;
        if (!draft.slug().equals(slug) && articles.findBySlug(draft.slug()).isPresent()) {
            throw ProblemException.conflict("An article with slug '" + draft.slug() + "' already exists.");
        }
        Instant now = clock.instant();
        boolean wasPublished = a.status == ArticleStatus.published;
        ArticleStatus status = draft.status() == null ? a.status : draft.status();
        a.slug = draft.slug();
        a.title = draft.title();
        if (a.status != status && status == ArticleStatus.published) {
            a.publishedAt = now;
        }
        a.status = status;
        a.touch(now);
        content.write(a, draft.text(), draft.topics(), now);
        return saved(a, wasPublished);
    }

    @Transactional
    @RecordsChanges
    public void delete(String slug, String ifMatch) {
        Article a = findForUpdate(slug, ifMatch);
        content.removeContent(a);
        a.topics.clear();
        articles.delete(a);
        articles.flush();
        changed.fire(ArticleChanged.deleted(a));
    }

    /** Publishing a published article (or unpublishing a draft) changes nothing and keeps the version. */
    @Transactional
    @RecordsChanges
    public ArticleView setStatus(String slug, ArticleStatus status, String ifMatch) {
        Article a = findForUpdate(slug, ifMatch);
        if (a.status == status) {
            return ArticleMapper.toView(articles.loadTree(a));
        }
        Instant now = clock.instant();
        boolean wasPublished = a.status == ArticleStatus.published;
        a.status = status;
        a.touch(now);
        if (status == ArticleStatus.published) {
            a.publishedAt = now;
            content.publishShared(a);
        }
        return saved(a, wasPublished);
    }

    /**
     * Re-extracts one article's claims if it was extracted with another extractor than today's. When
     * its claims change it gets a new version (and, published, a feed entry), as any rewrite does.
     *
     * @return whether its claims changed
     */
    @Transactional
    @RecordsChanges
    public boolean reextract(long id) {
        Article a = articles.lock(id);
        if (a == null || content.extractorFingerprint().equals(a.extractedWith)) {
            return false;
        }
        List<Prose> prose = content.proseOf(articles.loadTree(a));
        // The rewrite uses bulk statements: go on from a clean persistence context, as replace does.
        articles.getEntityManager().clear();
        a = articles.lock(id);
        if (!content.reextract(a, prose)) {
            return false;
        }
        boolean published = a.status == ArticleStatus.published;
        a.touch(clock.instant());
        saved(a, published);
        return true;
    }

    private ArticleView saved(Article a, boolean wasPublished) {
        // Flush now so a constraint violation is reported here, as a problem, not at commit.
        articles.flush();
        changed.fire(ArticleChanged.written(a, wasPublished));
        return ArticleMapper.toView(articles.loadTree(a));
    }

    /** The article, locked, after checking that the caller changes the version it read (If-Match). */
    private Article findForUpdate(String slug, String ifMatch) {
        Article a = articles.findBySlugForUpdate(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no article '" + slug + "'."));
        etags.requireMatchAny(ifMatch, () -> representations.etags(a));
        // The write replaces the article's content with bulk statements: start from a clean persistence context.
        articles.getEntityManager().clear();
        return articles.lock(a.id);
    }

    private Article find(String slug, boolean drafts) {
        return articles.findBySlug(slug)
                .filter(a -> drafts || a.status == ArticleStatus.published)
                .orElseThrow(() -> ProblemException.notFound("There is no article '" + slug + "'."));
    }
}
