package io.supplements.claim;

import io.supplements.article.ArticleRepository;
import io.supplements.article.ArticleStatus;
import io.supplements.claim.api.ClaimDetail;
import io.supplements.claim.api.ClaimView;
import io.supplements.claim.api.ConflictView;
import io.supplements.claim.extraction.Stance;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.ProblemException;
import io.supplements.source.SourceMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ClaimService {
    private final EntityManager em;

    ClaimService(EntityManager em) {
        this.em = em;
    }

    /** Filters of the claim list; null means any. */
    /** @param design a {@link io.supplements.claim.extraction.StudyDesign} wire value: claims citing such evidence */
    public record ListQuery(String supplement, String outcome, Stance stance, String article, String design) {}

    @Transactional
    public Page<ClaimView> list(ListQuery q, Paging paging, boolean drafts) {
        StringBuilder jpql = new StringBuilder("select c from Claim c join fetch c.article a where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!drafts) {
            jpql.append(" and a.status = :published");
            params.put("published", ArticleStatus.published);
        }
        if (q.supplement() != null) {
            jpql.append(" and c.supplement = :supplement");
            params.put("supplement", q.supplement());
        }
        if (q.outcome() != null) {
            jpql.append(" and c.outcome = :outcome");
            params.put("outcome", q.outcome());
        }
        if (q.stance() != null) {
            jpql.append(" and c.stance = :stance");
            params.put("stance", q.stance());
        }
        if (q.article() != null) {
            jpql.append(" and a.slug = :article");
            params.put("article", q.article());
        }
        if (q.design() != null) {
            jpql.append(" and exists (select 1 from Citation ci where ci.claim = c and ci.design = :design)");
            params.put("design", q.design());
        }
        if (paging.afterId() != null) {
            jpql.append(" and c.id > :after");
            params.put("after", paging.afterId());
        }
        var query = em.createQuery(jpql.append(" order by c.id").toString(), Claim.class)
                .setMaxResults(paging.limit() + 1);
        params.forEach(query::setParameter);
        List<Claim> rows = query.getResultList();
        Map<Long, List<Citation>> citations =
                citationsOf(rows.stream().map(c -> c.id).toList());
        return paging.page(
                rows, c -> c.id.toString(), c -> ClaimMapper.toView(c, citations.getOrDefault(c.id, List.of())));
    }

    @Transactional
    public ClaimDetail get(long id, boolean drafts) {
        Claim claim = em.createQuery("select c from Claim c join fetch c.article a where c.id = ?1", Claim.class)
                .setParameter(1, id)
                .getResultStream()
                .filter(c -> drafts || c.article.status == ArticleStatus.published)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no claim " + id + "."));
        List<Citation> citations = citationsOf(List.of(id)).getOrDefault(id, List.of());
        return ClaimDetail.of(
                ClaimMapper.toView(claim, citations),
                citations.stream()
                        .map(ci -> ci.source)
                        .distinct()
                        .map(SourceMapper::toView)
                        .toList());
    }

    /**
     * Groups of claims on the same supplement and outcome where at least one asserts and one denies,
     * across every article the caller may see. Three queries, however many groups.
     */
    @Transactional
    public List<ConflictView> conflicts(String supplement, String outcome, boolean drafts) {
        List<Object[]> pairs = em.createQuery(
                        "select c.supplement, c.outcome from Claim c join c.article a"
                                + " where a.status in :statuses and c.outcome is not null"
                                + " and (:supplement is null or c.supplement = :supplement) and (:outcome is null or c.outcome = :outcome)"
                                + " group by c.supplement, c.outcome"
                                + " having sum(case when c.stance = :asserts then 1 else 0 end) > 0"
                                + " and sum(case when c.stance = :denies then 1 else 0 end) > 0"
                                + " order by c.supplement, c.outcome",
                        Object[].class)
                .setParameter("statuses", ArticleStatus.visible(drafts))
                .setParameter("supplement", supplement)
                .setParameter("outcome", outcome)
                .setParameter("asserts", Stance.asserts)
                .setParameter("denies", Stance.denies)
                .getResultList();
        if (pairs.isEmpty()) {
            return List.of();
        }
        Set<String> keys = pairs.stream().map(p -> p[0] + "|" + p[1]).collect(Collectors.toSet());
        List<Claim> claims = em
                .createQuery(
                        "select c from Claim c join fetch c.article a where a.status in :statuses"
                                + " and c.supplement in :supplements and c.outcome in :outcomes order by c.id",
                        Claim.class)
                .setParameter("statuses", ArticleStatus.visible(drafts))
                .setParameter(
                        "supplements",
                        pairs.stream().map(p -> (String) p[0]).distinct().toList())
                .setParameter(
                        "outcomes",
                        pairs.stream().map(p -> (String) p[1]).distinct().toList())
                .getResultList()
                .stream()
                .filter(c -> keys.contains(c.supplement + "|" + c.outcome))
                .toList();
        Map<Long, List<Citation>> citations =
                citationsOf(claims.stream().map(c -> c.id).toList());
        Map<String, List<Claim>> byPair = claims.stream()
                .collect(Collectors.groupingBy(
                        c -> c.supplement + "|" + c.outcome, LinkedHashMap::new, Collectors.toList()));
        return pairs.stream()
                .map(p -> {
                    List<Claim> group = byPair.get(p[0] + "|" + p[1]);
                    Function<Stance, List<ClaimView>> withStance = stance -> group.stream()
                            .filter(c -> c.stance == stance)
                            .map(c -> ClaimMapper.toView(c, citations.getOrDefault(c.id, List.of())))
                            .toList();
                    return new ConflictView(
                            (String) p[0],
                            (String) p[1],
                            withStance.apply(Stance.asserts),
                            withStance.apply(Stance.denies),
                            withStance.apply(Stance.uncertain),
                            group.stream().map(c -> c.article.slug).distinct().toList(),
                            group.stream()
                                    .flatMap(c -> citations.getOrDefault(c.id, List.of()).stream())
                                    .map(ci -> ci.source)
                                    .distinct()
                                    .map(SourceMapper::toView)
                                    .toList());
                })
                .toList();
    }

    /** Citations of several claims, with their sources, in one query. */
    public Map<Long, List<Citation>> citationsOf(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return Map.of();
        }
        return ArticleRepository.citationsOf(em.createQuery(
                        "from Citation ci join fetch ci.source where ci.claim.id in ?1 order by ci.claim.id, ci.position",
                        Citation.class)
                .setParameter(1, claimIds)
                .getResultList());
    }
}
