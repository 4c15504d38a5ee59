package io.supplements.sync;

import io.supplements.article.ArticleChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Appends to the change feed in the writing transaction, as its last statements: the counter row
 * stays locked from here until commit, so entries are numbered in commit order. Drafts never appear:
 * only changes to what readers can see are recorded, and an article that stops being visible
 * (unpublished, deleted) leaves a tombstone.
 */
@ApplicationScoped
public class ChangeRecorder {
    private final EntityManager em;

    ChangeRecorder(EntityManager em) {
        this.em = em;
    }

    void record(@Observes(during = TransactionPhase.BEFORE_COMPLETION) ArticleChanged change) {
        String op = change.published() ? "upsert" : change.wasPublished() ? "delete" : null;
        if (op == null) {
            return;
        }
        em.flush();
        em.createNativeQuery("update change_counter set last_seq = last_seq + 1 where id = 1").executeUpdate();
        ChangeEntry entry = new ChangeEntry();
        entry.seq = ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1").getSingleResult()).longValue();
        entry.articleId = change.id();
        entry.slug = change.slug();
        entry.op = op;
        entry.version = change.version();
        entry.createdAt = Instant.now();
        em.persist(entry);
        em.flush();
    }
}
