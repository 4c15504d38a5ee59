package io.supplements.sync;

import io.supplements.article.ArticleRepresentations;
import io.supplements.common.ProblemException;
import io.supplements.sync.api.ChangeItem;
import io.supplements.sync.api.ChangePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Reads the change feed. It is served compacted: an entry is left out when a later entry for the same
 * article exists, because applying that later one gives the same result. A client that applies every
 * page in order, from no cursor or from the last cursor it saved, ends with exactly the published
 * content. Applying a page twice is harmless (upserts carry versions, deletes are idempotent).
 */
@ApplicationScoped
public class ChangeFeed {
    private static final String PREFIX = "f1:";
    private static final String COLUMNS =
            "select c.seq, c.article_id, c.slug, c.op, c.version, c.created_at, c.body from change_log c";

    /** One entry as recorded; {@code article} is the published article's JSON for an upsert, null for a delete. */
    public record Entry(
            long seq, long articleId, String slug, String op, long version, Instant createdAt, String article) {
        public ChangeItem item() {
            return ChangeItem.of(op, articleId, slug, version, article);
        }
    }

    /** Where the feed stands: its last entry and the epoch that makes its cursors unique to this database. */
    public record Head(long seq, String epoch) {}

    private final EntityManager em;
    private final ArticleRepresentations representations;

    ChangeFeed(EntityManager em, ArticleRepresentations representations) {
        this.em = em;
        this.representations = representations;
    }

    @Transactional
    public ChangePage read(String cursor, int limit) {
        Head head = head();
        long after = cursor == null || cursor.isEmpty() ? 0 : position(cursor, head);
        List<Entry> rows = entries(
                COLUMNS + " where c.seq > ?1 and not exists"
                        + " (select 1 from change_log l where l.article_id = c.article_id and l.seq > c.seq) order by c.seq",
                after,
                limit + 1);
        boolean more = rows.size() > limit;
        List<Entry> shown = more ? rows.subList(0, limit) : rows;
        long last = shown.isEmpty() ? after : shown.get(shown.size() - 1).seq();
        return new ChangePage(
                shown.stream().map(Entry::item).toList(), cursor(head, more ? last : Math.max(last, head.seq())), more);
    }

    /** Every entry after {@code seq}, not compacted: what webhooks deliver, one by one. */
    @Transactional
    public List<Entry> after(long seq, int limit) {
        return entries(COLUMNS + " where c.seq > ?1 order by c.seq", seq, limit);
    }

    /**
     * How many entries wait after each of these positions (what a webhook at that position has yet to get), in
     * one read of the log from the lowest of them.
     */
    @Transactional
    public Map<Long, Long> countsAfter(Collection<Long> positions) {
        List<Long> distinct = List.copyOf(new TreeSet<>(positions));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < distinct.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("coalesce(sum(case when seq > ?")
                    .append(i + 1)
                    .append(" then 1 else 0 end), 0)");
        }
        sql.append(" from change_log where seq > ?").append(distinct.size() + 1);
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < distinct.size(); i++) {
            query.setParameter(i + 1, distinct.get(i));
        }
        query.setParameter(distinct.size() + 1, distinct.get(0));
        Object row = query.getSingleResult();
        Object[] sums = row instanceof Object[] many ? many : new Object[] {row};
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            counts.put(distinct.get(i), ((Number) sums[i]).longValue());
        }
        return counts;
    }

    @Transactional
    public Head head() {
        Object[] counter = (Object[]) em.createNativeQuery("select last_seq, epoch from change_counter where id = 1")
                .getSingleResult();
        return new Head(((Number) counter[0]).longValue(), epochOf(counter[1]));
    }

    public static String cursor(Head head, long seq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + head.epoch() + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names. One this feed did not issue, from another epoch or beyond its head, is a 410. */
    public static long position(String cursor, Head head) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (plain.startsWith(PREFIX + head.epoch() + ":")) {
                long seq = Long.parseLong(
                        plain.substring(PREFIX.length() + head.epoch().length() + 1));
                if (seq >= 0 && seq <= head.seq()) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: unknown cursor
        }
        throw new ProblemException(
                410,
                "cursor-expired",
                "Gone",
                "This cursor is unknown or expired: start again without a cursor to get a full snapshot, then resume from its next.",
                null);
    }

    @SuppressWarnings("unchecked")
    private List<Entry> entries(String sql, long after, int limit) {
        List<Object[]> rows = em.createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .addScalar("seq", StandardBasicTypes.LONG)
                .addScalar("article_id", StandardBasicTypes.LONG)
                .addScalar("slug", StandardBasicTypes.STRING)
                .addScalar("op", StandardBasicTypes.STRING)
                .addScalar("version", StandardBasicTypes.LONG)
                .addScalar("created_at", StandardBasicTypes.INSTANT)
                .addScalar("body", StandardBasicTypes.STRING)
                .setParameter(1, after)
                .setMaxResults(limit)
                .getResultList();
        // An upsert recorded before the log stored articles (before V4) stands for the article as published now,
        // read for the whole page in one query.
        Map<String, ArticleRepresentations.Stored> now = representations.readMany(rows.stream()
                .filter(r -> r[6] == null && r[3].equals("upsert"))
                .map(r -> (String) r[2])
                .collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> new Entry(
                        (Long) r[0],
                        (Long) r[1],
                        (String) r[2],
                        (String) r[3],
                        (Long) r[4],
                        (Instant) r[5],
                        r[6] == null && r[3].equals("upsert") ? publishedNow(now.get((String) r[2])) : (String) r[6]))
                .toList();
    }

    private static String publishedNow(ArticleRepresentations.Stored stored) {
        return stored == null || !stored.published() ? null : new String(stored.json(), StandardCharsets.UTF_8);
    }

    private static String epochOf(Object value) {
        Instant instant = value instanceof Instant i
                ? i
                : value instanceof java.time.OffsetDateTime o
                        ? o.toInstant()
                        : value instanceof java.sql.Timestamp t ? t.toInstant() : Instant.parse(value.toString());
        return Long.toString(instant.toEpochMilli());
    }
}
