package io.supplements.search;

import io.supplements.common.ProblemException;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search over articles, kept in the database and written by the transaction that changes an
 * article: every instance sees the same answers as soon as a write commits, and nothing is built at
 * start. PostgreSQL uses its own text search ({@link PostgresArticleSearch}); the embedded H2 of dev
 * mode and the tests has an equivalent with the same weights ({@link H2ArticleSearch}).
 */
public interface ArticleSearch {

    /**
     * A hit's score is the sum, over the query's words, of the weight of the best field holding the word:
     * the title, else the summary, else 0 (a word only in the prose). The prose decides what matches, not
     * the order: ranking by how often or how close the words stand in the prose would have to read every
     * match, and a common word is in the prose of most articles.
     */
    int TITLE = 5;

    int SUMMARY = 2;

    /**
     * The articles matching {@code text} (every word, stemmed), best first, then newest first.
     *
     * @param status null for every status
     * @param topic  null for every topic
     * @param after  the last hit of the previous page, or null
     * @param limit  how many hits at most
     */
    List<Hit> search(String text, String status, String topic, Hit after, int limit);

    /** Sets what the article is found by; called in the transaction that writes the article. */
    void index(long articleId, String title, String summary, String body);

    /** Binds the optional filters and the cursor of a search query and reads its (id, score) rows. */
    static List<Hit> hits(Query query, String status, String topic, Hit after) {
        if (status != null) {
            query.setParameter("status", status);
        }
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        if (after != null) {
            query.setParameter("score", after.score()).setParameter("id", after.id());
        }
        List<Hit> hits = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            hits.add(new Hit(((Number) r[0]).longValue(), ((Number) r[1]).floatValue()));
        }
        return hits;
    }

    /** A matching article and its score; the cursor of a page of hits is its last hit. */
    record Hit(long id, float score) {
        public String cursorKey() {
            return Float.floatToIntBits(score) + ":" + id;
        }

        public static Hit fromCursorKey(String key) {
            String[] parts = key.split(":", 2);
            try {
                return new Hit(Long.parseLong(parts[1]), Float.intBitsToFloat(Integer.parseInt(parts[0])));
            } catch (RuntimeException e) {
                throw ProblemException.invalidParameter(
                        "cursor", "is not a cursor this API issued; start again without it");
            }
        }
    }
}
