package io.supplements.webhook;

import io.supplements.common.Caller;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.Problem.FieldError;
import io.supplements.common.ProblemException;
import io.supplements.common.SupplementsConfig;
import io.supplements.sync.ChangeFeed;
import io.supplements.webhook.api.NewWebhook;
import io.supplements.webhook.api.WebhookAttemptView;
import io.supplements.webhook.api.WebhookView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

@ApplicationScoped
public class WebhookService {
    private final EntityManager em;
    private final ChangeFeed feed;
    private final SupplementsConfig config;
    private final Caller caller;
    private final Clock clock;

    WebhookService(EntityManager em, ChangeFeed feed, SupplementsConfig config, Caller caller, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.feed = feed;
        this.config = config;
        this.caller = caller;
    }

    @Transactional
    public WebhookView register(NewWebhook body) {
        ReceiverUrls.problem(body.url(), config.webhooks().allowPrivateAddresses())
                .ifPresent(problem -> {
                    throw invalid("/url", problem);
                });
        if (body.secret() != null && !WebhookSigner.isValidSecret(body.secret())) {
            throw invalid("/secret", "must be whsec_ followed by 24 to 64 bytes in base64");
        }
        ChangeFeed.Head head = feed.head();
        long position = head.seq();
        if (body.cursor() != null && !body.cursor().isEmpty()) {
            try {
                position = ChangeFeed.position(body.cursor(), head);
            } catch (ProblemException e) {
                throw invalid(
                        "/cursor", "is not a change-feed cursor of this API; omit it to start with the next change");
            }
        }
        Instant now = clock.instant();
        Webhook w = new Webhook();
        w.url = body.url();
        w.description = body.description();
        w.secret = body.secret() == null ? WebhookSigner.newSecret() : body.secret();
        w.position = position;
        w.ownerKeyId = caller.keyId();
        w.nextAttemptAt = now;
        w.createdAt = now;
        em.persist(w);
        em.flush();
        return view(w, head, pending(List.of(w)).get(w.id), w.secret);
    }

    /** A key sees the webhooks it registered; an admin sees all. */
    @Transactional
    public Page<WebhookView> list(Paging paging) {
        Long after = paging.afterId();
        boolean all = caller.is(Caller.Role.admin);
        List<Webhook> rows = em.createQuery(
                        "from Webhook w where w.id > ?1 and (?2 = true or w.ownerKeyId = ?3) order by w.id",
                        Webhook.class)
                .setParameter(1, after == null ? 0L : after)
                .setParameter(2, all)
                .setParameter(3, caller.keyId() == null ? -1L : caller.keyId())
                .setMaxResults(paging.limit() + 1)
                .getResultList();
        ChangeFeed.Head head = feed.head();
        Map<Long, Long> pending = pending(rows);
        return paging.page(rows, w -> w.id.toString(), w -> view(w, head, pending.get(w.id), null));
    }

    @Transactional
    public WebhookView get(long id) {
        Webhook w = find(id);
        return view(w, feed.head(), pending(List.of(w)).get(id), null);
    }

    @Transactional
    public void delete(long id) {
        em.remove(find(id));
    }

    /** The delivery log, newest attempt first. */
    @Transactional
    public Page<WebhookAttemptView> attempts(long id, Paging paging) {
        find(id);
        Long before = paging.afterId();
        List<WebhookAttempt> rows = em.createQuery(
                        "from WebhookAttempt a where a.webhookId = ?1 and a.id < ?2 order by a.id desc",
                        WebhookAttempt.class)
                .setParameter(1, id)
                .setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setMaxResults(paging.limit() + 1)
                .getResultList();
        return paging.page(
                rows,
                a -> a.id.toString(),
                a -> new WebhookAttemptView(
                        a.id,
                        a.messageId,
                        a.seq,
                        a.attempt,
                        a.attemptedAt,
                        a.delivered,
                        a.responseStatus,
                        a.error,
                        a.durationMs));
    }

    private Webhook find(long id) {
        Webhook w = em.find(Webhook.class, id);
        if (w == null || !(caller.is(Caller.Role.admin) || Objects.equals(w.ownerKeyId, caller.keyId()))) {
            throw ProblemException.notFound("There is no webhook " + id + ".");
        }
        return w;
    }

    /** Entries recorded after each webhook's position. */
    private Map<Long, Long> pending(List<Webhook> webhooks) {
        Map<Long, Long> byPosition =
                feed.countsAfter(webhooks.stream().map(w -> w.position).toList());
        return webhooks.stream().collect(Collectors.toMap(w -> w.id, w -> byPosition.get(w.position)));
    }

    /** The secret only in the answer to the registration. */
    private static WebhookView view(Webhook w, ChangeFeed.Head head, long pending, String secret) {
        return new WebhookView(
                w.id,
                w.url,
                w.description,
                w.createdAt,
                ChangeFeed.cursor(head, w.position),
                pending,
                w.failedAttempts,
                w.failingSince,
                w.nextAttemptAt,
                w.lastDeliveredAt,
                secret);
    }

    private static ProblemException invalid(String pointer, String detail) {
        return ProblemException.badRequest(
                "validation", "The webhook is not valid.", List.of(FieldError.atPointer(pointer, detail)));
    }
}
