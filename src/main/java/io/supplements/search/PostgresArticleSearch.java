package io.supplements.search;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * PostgreSQL's text search: a weighted {@code tsvector} per article with a GIN index, queried with
 * {@code websearch_to_tsquery} (words, "quoted phrases", or, -not) and ranked by {@code ts_rank_cd}.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class PostgresArticleSearch implements ArticleSearch {
    /** A tsvector holds at most 1 MB; the prose beyond this many characters is not indexed. */
    private static final int MAX_BODY = 200_000;
    private static final String WEIGHTS = "cast('{" + BODY / 2 + ", " + BODY + ", " + SUMMARY + ", " + TITLE + "}' as float4[])";
    private static final String RANK = "ts_rank_cd(" + WEIGHTS + ", a.search_vector, q)";

    private final EntityManager em;

    PostgresArticleSearch(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Hit> search(String text, String status, String topic, Hit after, int limit) {
        StringBuilder sql = new StringBuilder("select a.id, " + RANK + " as score"
                + " from article a, websearch_to_tsquery('english', :text) q where a.search_vector @@ q");
        if (status != null) {
            sql.append(" and a.status = :status");
        }
        if (topic != null) {
            sql.append(" and exists (select 1 from article_topic at join topic t on t.id = at.topic_id"
                    + " where at.article_id = a.id and t.slug = :topic)");
        }
        if (after != null) {
            sql.append(" and (" + RANK + " < :score or (" + RANK + " = :score and a.id < :id))");
        }
        var query = em.createNativeQuery(sql.append(" order by score desc, a.id desc").toString())
                .setParameter("text", text).setMaxResults(limit);
        return ArticleSearch.hits(query, status, topic, after);
    }

    @Override
    public void index(long articleId, String title, String summary, String body) {
        em.createNativeQuery("update article set search_vector = setweight(to_tsvector('english', :title), 'A')"
                        + " || setweight(to_tsvector('english', :summary), 'B') || setweight(to_tsvector('english', :body), 'C')"
                        + " where id = :id")
                .setParameter("title", title).setParameter("summary", summary)
                .setParameter("body", body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body)
                .setParameter("id", articleId).executeUpdate();
    }
}
