package io.supplements.webhook;

import io.supplements.sync.FeedReaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.OptionalLong;

/** Which webhooks still receive the change feed: a revoked key's webhooks receive nothing more. */
@ApplicationScoped
public class ReceivingWebhooks implements FeedReaders {
    /** SQL: webhook {@code w} still receives entries. */
    static final String RECEIVING =
            "(w.owner_key_id is null or exists (select 1 from api_key k where k.id = w.owner_key_id and k.revoked_at is null))";

    private final EntityManager em;

    ReceivingWebhooks(EntityManager em) {
        this.em = em;
    }

    @Override
    public OptionalLong lowestPosition() {
        Number lowest = (Number) em.createNativeQuery("select min(w.position) from webhook w where " + RECEIVING)
                .getSingleResult();
        return lowest == null ? OptionalLong.empty() : OptionalLong.of(lowest.longValue());
    }
}
