package io.supplements.search;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The embedded H2's equivalent of {@link PostgresArticleSearch}, for dev mode and the tests: each
 * article's stemmed terms (English stemming and stop words, as PostgreSQL's 'english' configuration)
 * are stored as {@code " a:term b:term c:term "} by field; a query matches the articles holding every
 * one of its terms and scores each term by the weight of the best field holding it (title, summary,
 * else 0), as PostgreSQL does. It scans the
 * table, which is fine at the sizes H2 is used for. Query syntax is the plain part of PostgreSQL's:
 * words, all of which must match.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class H2ArticleSearch implements ArticleSearch {
    /** More terms than this in one query are ignored: each costs a scan of every article's terms. */
    private static final int MAX_TERMS = 16;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final EntityManager em;

    H2ArticleSearch(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Hit> search(String text, String status, String topic, Hit after, int limit) {
        List<String> terms = terms(text).stream().limit(MAX_TERMS).toList();
        if (terms.isEmpty()) {
            return List.of();
        }
        StringBuilder score = new StringBuilder("0");
        StringBuilder where = new StringBuilder("1 = 1");
        for (int i = 0; i < terms.size(); i++) {
            score.append(" + case when a.search_terms like :a")
                    .append(i)
                    .append(" then ")
                    .append(TITLE)
                    .append(" when a.search_terms like :b")
                    .append(i)
                    .append(" then ")
                    .append(SUMMARY)
                    .append(" else 0 end");
            where.append(" and a.search_terms like :any").append(i);
        }
        if (status != null) {
            where.append(" and a.status = :status");
        }
        if (topic != null) {
            where.append(" and exists (select 1 from article_topic at join topic t on t.id = at.topic_id"
                    + " where at.article_id = a.id and t.slug = :topic)");
        }
        String sql = "select id, score from (select a.id, cast(" + score + " as real) as score from article a where "
                + where + ") s";
        if (after != null) {
            sql += " where score < :score or (score = :score and id < :id)";
        }
        var query = em.createNativeQuery(sql + " order by score desc, id desc").setMaxResults(limit);
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            query.setParameter("a" + i, "% a:" + t + " %")
                    .setParameter("b" + i, "% b:" + t + " %")
                    .setParameter("any" + i, "% _:" + t + " %");
        }
        return ArticleSearch.hits(query, status, topic, after);
    }

    @Override
    public void index(long articleId, String title, String summary, String body) {
        StringBuilder terms = new StringBuilder(" ");
        for (String[] field : new String[][] {{"a", title}, {"b", summary}, {"c", body}}) {
            terms(field[1])
                    .forEach(t -> terms.append(field[0]).append(':').append(t).append(' '));
        }
        em.createNativeQuery("update article set search_terms = :terms where id = :id")
                .setParameter("terms", terms.toString())
                .setParameter("id", articleId)
                .executeUpdate();
    }

    /** The distinct stemmed terms of a text, in order of first appearance. */
    private Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                // '%' and '_' are LIKE wildcards; the analyzer keeps only letters and digits, but be sure.
                String t = term.toString();
                if (t.indexOf('%') < 0 && t.indexOf('_') < 0) {
                    terms.add(t);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
