package io.supplements.sync;

import io.supplements.article.Article;
import io.supplements.article.ArticleMapper;
import io.supplements.article.ArticleRepository;
import io.supplements.article.ArticleStatus;
import io.supplements.common.ProblemException;
import io.supplements.sync.api.ChangeItem;
import io.supplements.sync.api.ChangePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the change feed. It is served compacted: an entry is left out when a later entry for the same
 * article exists, because applying that later one gives the same result. A client that applies every
 * page in order, from no cursor or from the last cursor it saved, ends with exactly the published
 * content. Applying a page twice is harmless (upserts carry versions, deletes are idempotent).
 */
@ApplicationScoped
public class ChangeFeed {
    private static final String PREFIX = "f1:";

    private final EntityManager em;
    private final ArticleRepository articles;

    ChangeFeed(EntityManager em, ArticleRepository articles) {
        this.em = em;
        this.articles = articles;
    }

    @Transactional
    public ChangePage read(String cursor, int limit) {
        Object[] counter = (Object[]) em.createNativeQuery("select last_seq, epoch from change_counter where id = 1").getSingleResult();
        long head = ((Number) counter[0]).longValue();
        String epoch = epochOf(counter[1]);
        long after = cursor == null || cursor.isEmpty() ? 0 : decode(cursor, epoch, head);

        List<ChangeEntry> rows = em.createQuery("from ChangeEntry c where c.seq > ?1 and not exists"
                        + " (select 1 from ChangeEntry later where later.articleId = c.articleId and later.seq > c.seq)"
                        + " order by c.seq", ChangeEntry.class)
                .setParameter(1, after).setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<ChangeEntry> shown = more ? rows.subList(0, limit) : rows;

        Map<Long, Article> current = shown.isEmpty() ? Map.of() : articles
                .list("id in ?1", shown.stream().filter(e -> e.op.equals("upsert")).map(e -> e.articleId).toList())
                .stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<ChangeItem> items = new ArrayList<>();
        for (ChangeEntry e : shown) {
            if (e.op.equals("delete")) {
                items.add(new ChangeItem("delete", "article", e.articleId, e.slug, e.version, null));
                continue;
            }
            Article a = current.get(e.articleId);
            // Unpublished or deleted since this entry was read: its tombstone is a later entry.
            if (a != null && a.status == ArticleStatus.published) {
                items.add(new ChangeItem("upsert", "article", a.id, a.slug, a.version, ArticleMapper.toView(articles.loadTree(a))));
            }
        }
        long last = shown.isEmpty() ? after : shown.get(shown.size() - 1).seq;
        return new ChangePage(items, encode(epoch, more ? last : Math.max(last, head)), more);
    }

    private static String encode(String epoch, long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + epoch + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor this feed did not issue, from another epoch or beyond its head, cannot be resumed from. */
    private static long decode(String cursor, String epoch, long head) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (plain.startsWith(PREFIX + epoch + ":")) {
                long seq = Long.parseLong(plain.substring(PREFIX.length() + epoch.length() + 1));
                if (seq >= 0 && seq <= head) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: unknown cursor
        }
        throw new ProblemException(410, "cursor-expired", "Gone",
                "This cursor is unknown or expired: start again without a cursor to get a full snapshot, then resume from its next.",
                null);
    }

    private static String epochOf(Object value) {
        Instant instant = value instanceof Instant i ? i
                : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : value instanceof java.sql.Timestamp t ? t.toInstant()
                : Instant.parse(value.toString());
        return Long.toString(instant.toEpochMilli());
    }
}
