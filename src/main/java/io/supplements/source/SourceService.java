package io.supplements.source;

import io.supplements.article.Article;
import io.supplements.article.ArticleMapper;
import io.supplements.article.ArticleRepository;
import io.supplements.article.ArticleStatus;
import io.supplements.claim.Claim;
import io.supplements.claim.ClaimMapper;
import io.supplements.claim.ClaimService;
import io.supplements.claim.extraction.SourceKind;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.ProblemException;
import io.supplements.source.api.SourceDetail;
import io.supplements.source.api.SourceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Without a key, a source is visible while some published article cites it or lists it as related;
 * with one, every source is (including those an editor created and nothing cites yet).
 */
@ApplicationScoped
public class SourceService {
    private static final String PUBLICLY_REFERENCED =
            "(exists (select 1 from Citation ci where ci.source = s and ci.claim.article.status = :published)"
                    + " or exists (select 1 from RelatedResource r where r.source = s and r.article.status = :published))";

    private final EntityManager em;
    private final ClaimService claims;
    private final ArticleRepository articles;

    SourceService(EntityManager em, ClaimService claims, ArticleRepository articles) {
        this.em = em;
        this.claims = claims;
        this.articles = articles;
    }

    /** Which of these source ids exist (as committed, seen from a transaction of its own). */
    @Transactional
    public java.util.Set<Long> existing(java.util.Collection<Long> ids) {
        return ids.isEmpty()
                ? java.util.Set.of()
                : new java.util.HashSet<>(em.createQuery("select s.id from Source s where s.id in :ids", Long.class)
                        .setParameter("ids", ids)
                        .getResultList());
    }

    @Transactional
    public Page<SourceView> list(SourceKind kind, Paging paging, boolean drafts) {
        String jpql = "select s from Source s where " + (drafts ? "1 = 1" : PUBLICLY_REFERENCED)
                + (kind == null ? "" : " and s.kind = :kind")
                + (paging.afterId() == null ? "" : " and s.id > :after")
                + " order by s.id";
        var query = em.createQuery(jpql, Source.class).setMaxResults(paging.limit() + 1);
        if (!drafts) {
            query.setParameter("published", ArticleStatus.published);
        }
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (paging.afterId() != null) {
            query.setParameter("after", paging.afterId());
        }
        return paging.page(query.getResultList(), s -> s.id.toString(), SourceMapper::toView);
    }

    @Transactional
    public SourceDetail get(long id, boolean drafts) {
        List<ArticleStatus> statuses = ArticleStatus.visible(drafts);
        var query = em.createQuery(
                        "select s from Source s where s.id = :id and " + (drafts ? "1 = 1" : PUBLICLY_REFERENCED),
                        Source.class)
                .setParameter("id", id);
        if (!drafts) {
            query.setParameter("published", ArticleStatus.published);
        }
        Source source = query.getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no source " + id + "."));
        List<Claim> citing = em.createQuery(
                        "select distinct c from Citation ci join ci.claim c join fetch c.article a"
                                + " where ci.source = ?1 and a.status in ?2 order by c.id",
                        Claim.class)
                .setParameter(1, source)
                .setParameter(2, statuses)
                .getResultList();
        Map<Long, List<io.supplements.claim.Citation>> citations =
                claims.citationsOf(citing.stream().map(c -> c.id).toList());
        List<Article> articleRows = em.createQuery(
                        "select a from Article a where a.status in :statuses and ("
                                + "exists (select 1 from Citation ci where ci.source = :source and ci.claim.article = a)"
                                + " or exists (select 1 from RelatedResource r where r.source = :source and r.article = a)) order by a.id desc",
                        Article.class)
                .setParameter("statuses", statuses)
                .setParameter("source", source)
                .getResultList();
        Map<Long, List<String>> topics =
                articles.topicsOf(articleRows.stream().map(a -> a.id).toList());
        return SourceDetail.of(
                SourceMapper.toView(source),
                citing.stream()
                        .map(c -> ClaimMapper.toView(c, citations.getOrDefault(c.id, List.of())))
                        .toList(),
                articleRows.stream()
                        .map(a -> ArticleMapper.toSummary(a, topics.getOrDefault(a.id, List.of())))
                        .toList());
    }
}
