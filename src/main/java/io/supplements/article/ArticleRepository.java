package io.supplements.article;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.supplements.claim.Citation;
import io.supplements.claim.Claim;
import io.supplements.claim.ClaimLocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

    public Optional<Article> findBySlug(String slug) {
        return find("from Article a left join fetch a.author where a.slug = ?1", slug)
                .firstResultOptional();
    }

    /**
     * The article, its row locked until commit: every change to an article's content goes through
     * here or {@link #lock(long)}, so two writers on one article run one after the other and no
     * version number or editor's correction is lost.
     */
    public Optional<Article> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Article lock(long id) {
        return getEntityManager().find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Loads the whole article in six queries, however many sections, claims and sources it has. */
    public ArticleTree loadTree(Article a) {
        List<String> topics = topicsOf(List.of(a.id)).getOrDefault(a.id, List.of());
        List<Section> sections = getEntityManager()
                .createQuery("from Section s where s.article.id = ?1 order by s.position", Section.class)
                .setParameter(1, a.id)
                .getResultList();
        Map<Long, List<String>> paragraphs = new LinkedHashMap<>();
        getEntityManager()
                .createQuery(
                        "select p.section.id, p.body from Paragraph p where p.section.article.id = ?1"
                                + " order by p.section.position, p.position",
                        Object[].class)
                .setParameter(1, a.id)
                .getResultList()
                .forEach(row -> paragraphs
                        .computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                        .add((String) row[1]));
        List<Claim> claims = getEntityManager()
                .createQuery("from Claim c where c.article.id = ?1 order by c.position", Claim.class)
                .setParameter(1, a.id)
                .getResultList();
        // By the claims' ids and without joining claim: its (claim_id, position) index answers it however many
        // citations there are in all, even where the planner's statistics are stale.
        Map<Long, List<Citation>> byClaim = claims.isEmpty()
                ? Map.of()
                : citationsOf(getEntityManager()
                        .createQuery(
                                "from Citation ci join fetch ci.source where ci.claim.id in ?1 order by ci.position",
                                Citation.class)
                        .setParameter(1, claims.stream().map(c -> c.id).toList())
                        .getResultList());
        Map<Long, List<Citation>> citations = new LinkedHashMap<>(); // in reading order, as the claims are
        claims.stream().filter(c -> byClaim.containsKey(c.id)).forEach(c -> citations.put(c.id, byClaim.get(c.id)));
        List<RelatedResource> related = getEntityManager()
                .createQuery(
                        "from RelatedResource r join fetch r.source where r.article.id = ?1 order by r.position",
                        RelatedResource.class)
                .setParameter(1, a.id)
                .getResultList();
        return new ArticleTree(a, topics, sections, paragraphs, claims, citations, related);
    }

    /** The text of one paragraph of the article's prose, if there is such a paragraph. */
    public Optional<String> paragraph(Article a, ClaimLocation location, String anchor, int index) {
        return switch (location) {
            case summary -> index == 0 ? Optional.of(a.summary) : Optional.empty();
            case introduction -> index == 0 ? Optional.of(a.introduction) : Optional.empty();
            case conclusion -> index == 0 ? Optional.of(a.conclusion) : Optional.empty();
            case section ->
                getEntityManager()
                        .createQuery(
                                "select p.body from Paragraph p where p.section.article = ?1"
                                        + " and p.section.anchor = ?2 and p.position = ?3",
                                String.class)
                        .setParameter(1, a)
                        .setParameter(2, anchor)
                        .setParameter(3, index)
                        .getResultStream()
                        .findFirst();
        };
    }

    /** Topic slugs of several articles in one query, sorted. */
    public Map<Long, List<String>> topicsOf(Collection<Long> articleIds) {
        Map<Long, List<String>> topics = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return topics;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(
                        "select at.article_id, t.slug from article_topic at join topic t on t.id = at.topic_id"
                                + " where at.article_id in (?1) order by t.slug")
                .setParameter(1, articleIds)
                .getResultList();
        rows.forEach(row -> topics.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                .add((String) row[1]));
        return topics;
    }

    public static Map<Long, List<Citation>> citationsOf(List<Citation> citations) {
        Map<Long, List<Citation>> byClaim = new LinkedHashMap<>();
        citations.forEach(ci ->
                byClaim.computeIfAbsent(ci.claim.id, k -> new ArrayList<>()).add(ci));
        return byClaim;
    }

    /**
     * One page of articles, newest first, after the cursor's id. Fetches one row more than the limit
     * so the caller knows whether another page follows.
     */
    /** Ids after {@code afterId} of articles whose claims were extracted with another extractor, in id order. */
    public List<Long> extractedWithOther(String fingerprint, long afterId, int limit) {
        return getEntityManager()
                .createQuery(
                        "select a.id from Article a where a.id > ?1"
                                + " and (a.extractedWith is null or a.extractedWith <> ?2) order by a.id",
                        Long.class)
                .setParameter(1, afterId)
                .setParameter(2, fingerprint)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The fingerprint the last complete pass of re-extraction reached every article with, if any. */
    public String completedExtraction() {
        List<?> rows = getEntityManager()
                .createNativeQuery("select fingerprint from extraction_state where id = 1")
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** Records that a pass found every article extracted with {@code fingerprint}. */
    public void completeExtraction(String fingerprint, Instant now) {
        var em = getEntityManager();
        int updated = em.createNativeQuery(
                        "update extraction_state set fingerprint = ?1, completed_at = ?2 where id = 1")
                .setParameter(1, fingerprint)
                .setParameter(2, now)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into extraction_state (id, fingerprint, completed_at) values (1, ?1, ?2)")
                    .setParameter(1, fingerprint)
                    .setParameter(2, now)
                    .executeUpdate();
        }
    }

    /** How many articles there are, and how many were extracted with {@code fingerprint}. */
    public long[] extractionCounts(String fingerprint) {
        Object[] row = getEntityManager()
                .createQuery(
                        "select count(a), coalesce(sum(case when a.extractedWith = ?1 then 1 else 0 end), 0)"
                                + " from Article a",
                        Object[].class)
                .setParameter(1, fingerprint)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    public List<Article> page(ArticleStatus status, String topic, Long afterId, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("select a from Article a where ").append(filters(status, topic, params));
        if (afterId != null) {
            jpql.append(" and a.id < :after");
            params.put("after", afterId);
        }
        var query = getEntityManager()
                .createQuery(jpql.append(" order by a.id desc").toString(), Article.class)
                .setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The articles with these ids, by id. */
    public Map<Long, Article> byIds(Collection<Long> ids) {
        Map<Long, Article> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            getEntityManager()
                    .createQuery("from Article a where a.id in ?1", Article.class)
                    .setParameter(1, ids)
                    .getResultList()
                    .forEach(a -> found.put(a.id, a));
        }
        return found;
    }

    /** The list filters as a JPQL condition on {@code a}; null filters match everything. */
    private static String filters(ArticleStatus status, String topic, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status);
        }
        if (topic != null) {
            where.append(" and exists (select 1 from Article a2 join a2.topics t where a2 = a and t.slug = :topic)");
            params.put("topic", topic);
        }
        return where.toString();
    }
}
