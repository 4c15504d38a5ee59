package io.supplements.sync;

import io.supplements.article.Article;
import io.supplements.article.ArticleChanged;
import io.supplements.article.ArticleRepresentations;
import io.supplements.article.ArticleStatus;
import io.supplements.author.AuthorChanged;
import io.supplements.source.SourceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stores the representation of every article the transaction changed ({@link ArticleRepresentations})
 * and appends to the change feed, in the writing transaction, as the last statements of the write
 * method ({@link io.supplements.common.RecordsChanges}): the counter row stays locked from there until
 * commit, so entries are numbered in commit order. Each upsert stores
 * the article exactly as it is published by this transaction, so the feed and the webhooks serve what
 * was committed, entry by entry. Drafts never appear: only changes to what readers can see are
 * recorded, and an article that stops being visible (unpublished, deleted) leaves a tombstone.
 *
 * <p>A change to something articles share (a source's wording, an author's name) changes how every
 * article using it reads: they are stored again, and the published ones get a new version and an entry.
 *
 * <p>An entry superseded by a later one for its article is never served by the feed (it is compacted),
 * so it is deleted once every webhook still receiving has been sent it: the log holds about one entry
 * per article, whatever the number of edits, plus what a lagging webhook has yet to receive.
 */
@ApplicationScoped
public class ChangeRecorder {
    private final EntityManager em;
    private final ArticleRepresentations representations;
    private final TransactionSynchronizationRegistry transaction;
    private final FeedReaders readers;
    private final Clock clock;

    ChangeRecorder(
            EntityManager em,
            ArticleRepresentations representations,
            TransactionSynchronizationRegistry transaction,
            FeedReaders readers,
            Clock clock) {
        this.clock = clock;
        this.readers = readers;
        this.em = em;
        this.representations = representations;
        this.transaction = transaction;
    }

    /** What the running transaction changed, gathered while it runs and recorded once, just before commit. */
    private static final class Pending {
        final Map<Long, ArticleChanged> articles = new TreeMap<>();
        /** Published articles using a changed source or author: locked at once, given a new version before commit. */
        final Set<Long> dependents = new TreeSet<>();
    }

    void collect(@Observes ArticleChanged change) {
        pending().articles.putIfAbsent(change.id(), change);
    }

    void collect(@Observes SourceChanged change) {
        lockDependents(em.createQuery(
                        "select distinct ci.claim.article.id from Citation ci where ci.source.id = ?1", Long.class)
                .setParameter(1, change.id())
                .getResultList());
        lockDependents(
                em.createQuery("select distinct r.article.id from RelatedResource r where r.source.id = ?1", Long.class)
                        .setParameter(1, change.id())
                        .getResultList());
    }

    void collect(@Observes AuthorChanged change) {
        lockDependents(em.createQuery("select a.id from Article a where a.author.id = ?1", Long.class)
                .setParameter(1, change.id())
                .getResultList());
    }

    /**
     * Locks them now, while the request runs, in id order like every other writer: a conflict with
     * another writer is then a 409 for this request rather than a failure at commit.
     */
    private void lockDependents(List<Long> ids) {
        Pending pending = pending();
        ids.stream()
                .sorted()
                .filter(pending.dependents::add)
                .forEach(id -> em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Records what the running transaction has changed so far; called by {@link ChangeRecording} as a write's last step. */
    void recordPending() {
        if (transaction.getTransactionStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
            record();
        }
    }

    // A safety net for a write not annotated @RecordsChanges: recorded at commit all the same (the pool
    // then warns about the connection this opens after its own check; that warning points at the bug).
    void record(@Observes(during = TransactionPhase.BEFORE_COMPLETION) ArticleChanged change) {
        record();
    }

    void record(@Observes(during = TransactionPhase.BEFORE_COMPLETION) SourceChanged change) {
        record();
    }

    void record(@Observes(during = TransactionPhase.BEFORE_COMPLETION) AuthorChanged change) {
        record();
    }

    private Pending pending() {
        Pending pending = (Pending) transaction.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            transaction.putResource(Pending.class, pending);
        }
        return pending;
    }

    private void record() {
        Pending pending = pending();
        if (pending.articles.isEmpty() && pending.dependents.isEmpty()) {
            return;
        }
        em.flush();
        Instant now = clock.instant();
        for (long id : pending.dependents) {
            Article a = em.find(Article.class, id);
            if (a != null && !pending.articles.containsKey(id)) {
                // Drafts read differently too (their stored representation changes), but only what
                // readers see gets a new version and a feed entry.
                boolean published = a.status == ArticleStatus.published;
                if (published) {
                    a.touch(now);
                }
                pending.articles.put(id, ArticleChanged.written(a, published));
            }
        }
        em.flush();

        List<Object[]> entries = new ArrayList<>();
        for (ArticleChanged change : pending.articles.values()) {
            Article a = change.deleted() ? null : em.find(Article.class, change.id());
            String stored = a == null ? null : representations.store(a);
            if (a != null && a.status == ArticleStatus.published) {
                entries.add(new Object[] {a.id, a.slug, "upsert", a.version, stored});
            } else if (change.wasPublished()) {
                entries.add(new Object[] {change.id(), change.slug(), "delete", change.version(), null});
            }
        }
        // Recorded: a later change in the same transaction (another write method it calls) is recorded anew.
        pending.articles.clear();
        pending.dependents.clear();
        if (entries.isEmpty()) {
            return;
        }
        em.createNativeQuery("update change_counter set last_seq = last_seq + ?1 where id = 1")
                .setParameter(1, entries.size())
                .executeUpdate();
        long last = ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1")
                        .getSingleResult())
                .longValue();
        long before = last - entries.size();
        long seq = before;
        for (Object[] e : entries) {
            em.createNativeQuery("insert into change_log (seq, article_id, slug, op, version, created_at, body)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, ++seq)
                    .setParameter(2, e[0])
                    .setParameter(3, e[1])
                    .setParameter(4, e[2])
                    .setParameter(5, e[3])
                    .setParameter(6, now)
                    .setParameter(7, e[4])
                    .executeUpdate();
        }
        // What these entries supersede, once every receiving webhook has been sent it.
        long delivered = readers.lowestPosition().orElse(Long.MAX_VALUE);
        em.createNativeQuery("delete from change_log where article_id in (?1) and seq <= ?2")
                .setParameter(1, entries.stream().map(e -> e[0]).toList())
                .setParameter(2, Math.min(before, delivered))
                .executeUpdate();
    }
}
