package io.supplements.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.supplements.search.HeadTerms.Postings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's text search: a weighted {@code tsvector} per article with a GIN index decides what
 * matches ({@code websearch_to_tsquery}: words, "quoted phrases", or, -not); the title's and summary's
 * terms, kept in {@code search_head} with their weight, decide the order (see {@link ArticleSearch}).
 * A page first looks among the best-scored articles naming a query word up front, read in order from
 * that table's index, and only when they do not fill it ranks every match. A common word in the prose of
 * most of the catalogue then costs a page what its best up-front matches cost: ranking every match with
 * ts_rank_cd took a second for a word in the prose of 4,500 of 50,000 articles.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class PostgresArticleSearch implements ArticleSearch {
    /** A tsvector holds at most 1 MB; the prose beyond this many characters is not indexed. */
    private static final int MAX_BODY = 200_000;

    private static final String FEED_POSITION = "select last_seq from change_counter where id = 1";
    private static final String QUERY = "websearch_to_tsquery('english', :text)";
    /** How many of the best up-front candidates a page looks at before it ranks every match instead. */
    private static final int WINDOW = 100;

    private static final String TERMS = "select unnest(tsvector_to_array(to_tsvector('english', :text)))";

    /** Most rows of the match set read to check the candidates and find the matches in the prose only. */
    private static final int MATCH_SET = 5_000;

    private final EntityManager em;
    private final HeadTerms terms;
    /** What each query text is, as PostgreSQL's 'english' configuration reads it. */
    private final Cache<String, Words> words =
            Caffeine.newBuilder().maximumSize(10_000).build();

    PostgresArticleSearch(EntityManager em, HeadTerms terms) {
        this.em = em;
        this.terms = terms;
    }

    /** A query's distinct stemmed words; plain when it asks for nothing but all of them (no phrase, or, -not). */
    private record Words(List<String> lexemes, boolean plain) {}

    @Override
    public List<Hit> search(String text, String status, String topic, Hit after, int limit) {
        Words query = words.get(text, this::words);
        if ("published".equals(status) && query.plain()) {
            return published(text, query.lexemes(), topic, after, limit);
        }
        if (after == null || after.score() > 0) {
            List<Hit> hits = window(text, status, topic, after, limit);
            if (hits.size() == limit) {
                return hits;
            }
        }
        return everyMatch(text, status, topic, after, limit);
    }

    private Words words(String text) {
        Object[] row = (Object[])
                em.createNativeQuery("select array_to_string(tsvector_to_array(to_tsvector('english', :text)), ' '),"
                                + " " + QUERY + "::text = plainto_tsquery('english', :text)::text")
                        .setParameter("text", text)
                        .getSingleResult();
        String lexemes = (String) row[0];
        return new Words(lexemes.isEmpty() ? List.of() : List.of(lexemes.split(" ")), (Boolean) row[1]);
    }

    /**
     * An anonymous search: the published candidates naming a query word up front are ranked in memory
     * from {@link HeadTerms}; the database confirms, best first, that those lacking a query word up front
     * hold it in their prose. The matches holding no query word up front follow, newest first.
     */
    private List<Hit> published(String text, List<String> lexemes, String topic, Hit after, int limit) {
        if (lexemes.isEmpty()) {
            return List.of(); // only stop words: PostgreSQL's query matches nothing
        }
        long position = ((Number) em.createNativeQuery(FEED_POSITION).getSingleResult()).longValue();
        terms.at(position);
        long[] topicIds = topic == null ? null : terms.topic(topic, position);
        List<Postings> postings =
                lexemes.stream().map(l -> terms.of(l, position)).toList();
        List<Hit> hits = new ArrayList<>();
        if (after == null || after.score() > 0) {
            HeadRanking.Ranked ranked = HeadRanking.rank(postings, terms.published(position), topicIds, after);
            int from = 0;
            int chunk = 2 * limit + 8;
            while (hits.size() < limit && from < ranked.size()) {
                int to = Math.min(ranked.size(), from + chunk);
                chunk = Math.min(2 * chunk, 1_000);
                Set<Long> inProse = matchInProse(text, ranked, from, to);
                for (int i = from; i < to && hits.size() < limit; i++) {
                    if (ranked.full()[i] || inProse.contains(ranked.ids()[i])) {
                        hits.add(ranked.hit(i));
                    }
                }
                from = to;
            }
            if (hits.size() == limit) {
                return hits;
            }
        }
        long below = after != null && after.score() <= 0 ? after.id() : Long.MAX_VALUE;
        Set<Long> matches = matchSet(text, topic);
        if (matches == null) {
            hits.addAll(everyMatch(text, "published", topic, new Hit(below, 0), limit - hits.size()));
            return hits;
        }
        // The matches holding no query word up front: among the postings of none of the words.
        matches.stream()
                .filter(id -> id < below && postings.stream().noneMatch(p -> HeadTerms.contains(p.ids(), id)))
                .sorted(Comparator.reverseOrder())
                .limit(limit - hits.size())
                .forEach(id -> hits.add(new Hit(id, 0)));
        return hits;
    }

    /** Which of the candidates from..to lacking a query word up front hold it in their prose. */
    private Set<Long> matchInProse(String text, HeadRanking.Ranked ranked, int from, int to) {
        List<Long> unsure = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!ranked.full()[i]) {
                unsure.add(ranked.ids()[i]);
            }
        }
        Set<Long> confirmed = new HashSet<>();
        if (!unsure.isEmpty()) {
            em.createNativeQuery("select a.id from article a where a.id in (:ids) and a.search_vector @@ " + QUERY)
                    .setParameter("ids", unsure)
                    .setParameter("text", text)
                    .getResultList()
                    .forEach(id -> confirmed.add(((Number) id).longValue()));
        }
        return confirmed;
    }

    /** The published matches (of the topic), from the text index; null when there are more than {@value #MATCH_SET}. */
    private Set<Long> matchSet(String text, String topic) {
        Query query = em.createNativeQuery(
                        "select a.id from article a where a.search_vector @@ " + QUERY + filters("published", topic))
                .setParameter("text", text)
                .setParameter("status", "published")
                .setMaxResults(MATCH_SET + 1);
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        List<?> ids = query.getResultList();
        if (ids.size() > MATCH_SET) {
            return null;
        }
        Set<Long> set = new HashSet<>();
        ids.forEach(id -> set.add(((Number) id).longValue()));
        return set;
    }

    /**
     * The next hits among the {@value #WINDOW} best-scored articles naming a query word in their title or
     * summary: an index range per word and a match check of at most that many rows. They are the next
     * hits of the whole ranking (every other match scores less or is further down), but there may be
     * fewer than asked for.
     */
    private List<Hit> window(String text, String status, String topic, Hit after, int limit) {
        String sql = "select c.id, c.score from (select h.article_id as id, cast(sum(h.weight) as real) as score"
                + " from search_head h where h.lexeme in (" + TERMS + ")"
                + (topic == null
                        ? ""
                        : " and h.article_id in (select at.article_id from article_topic at"
                                + " where at.topic_id = (select t.id from topic t where t.slug = :topic))")
                + " group by h.article_id"
                + (after == null
                        ? ""
                        : " having cast(sum(h.weight) as real) < :score"
                                + " or (cast(sum(h.weight) as real) = :score and h.article_id < :id)")
                + " order by score desc, id desc limit " + WINDOW + ") c"
                + " join article a on a.id = c.id where a.search_vector @@ " + QUERY + filters(status, null)
                + " order by c.score desc, c.id desc";
        return hits(em.createNativeQuery(sql).setMaxResults(limit), text, status, topic, after);
    }

    /** The next hits of the whole ranking, from every match: its cost follows the number of matches. */
    private List<Hit> everyMatch(String text, String status, String topic, Hit after, int limit) {
        String score = "coalesce(c.score, 0)";
        String sql = "select m.id, " + score + " as score from (select a.id from article a where a.search_vector @@ "
                + QUERY
                + filters(status, topic)
                + ") m left join (select h.article_id as id, cast(sum(h.weight) as real) as score"
                + " from search_head h where h.lexeme in (" + TERMS + ") group by h.article_id) c on c.id = m.id"
                + (after == null ? "" : " where " + score + " < :score or (" + score + " = :score and m.id < :id)")
                + " order by score desc, m.id desc";
        return hits(em.createNativeQuery(sql).setMaxResults(limit), text, status, topic, after);
    }

    private static String filters(String status, String topic) {
        return (status == null ? "" : " and a.status = :status")
                + (topic == null
                        ? ""
                        : " and exists (select 1 from article_topic at join topic t on t.id = at.topic_id"
                                + " where at.article_id = a.id and t.slug = :topic)");
    }

    private static List<Hit> hits(Query query, String text, String status, String topic, Hit after) {
        return ArticleSearch.hits(query.setParameter("text", text), status, topic, after);
    }

    @Override
    public void index(long articleId, String title, String summary, String body) {
        em.createNativeQuery("update article set search_vector = setweight(to_tsvector('english', :title), 'A')"
                        + " || setweight(to_tsvector('english', :summary), 'B') || setweight(to_tsvector('english', :body), 'C')"
                        + " where id = :id")
                .setParameter("title", title)
                .setParameter("summary", summary)
                .setParameter("body", body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body)
                .setParameter("id", articleId)
                .executeUpdate();
        em.createNativeQuery("delete from search_head where article_id = :id")
                .setParameter("id", articleId)
                .executeUpdate();
        em.createNativeQuery(
                        "insert into search_head (article_id, lexeme, weight) select :id, t.lexeme, max(t.weight) from ("
                                + "select unnest(tsvector_to_array(to_tsvector('english', :title))) as lexeme, " + TITLE
                                + " as weight"
                                + " union all select unnest(tsvector_to_array(to_tsvector('english', :summary))), "
                                + SUMMARY
                                + ") t group by t.lexeme")
                .setParameter("id", articleId)
                .setParameter("title", title)
                .setParameter("summary", summary)
                .executeUpdate();
    }
}
