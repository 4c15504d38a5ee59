package io.supplements.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplements.article.ArticleChanged;
import io.supplements.common.SupplementsConfig;
import io.supplements.sync.ChangeFeed;
import io.supplements.sync.ChangeRecorder;
import io.supplements.webhook.api.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers the change feed to every webhook, entry by entry and in order: the entry after a webhook's
 * position is POSTed until the receiver answers 2xx, with exponential backoff between attempts, each
 * attempt signed afresh (new webhook-timestamp) and logged. Only then does the position move on, so an
 * entry is never skipped; a receiver may see one twice (an answer lost on the way back), and
 * recognises it by webhook-id. Several app instances share the work: a lease on the webhook row lets
 * one instance at a time deliver for it, which keeps the order.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;

    private record Outcome(boolean delivered, Integer status, String error, int millis) {
    }

    private final EntityManager em;
    private final ChangeFeed feed;
    private final ObjectMapper json;
    private final SupplementsConfig.Webhooks config;
    private final String instance = UUID.randomUUID().toString();
    private final Object signal = new Object();
    private HttpClient http;
    private Thread worker;
    private volatile boolean running;
    private boolean woken;

    WebhookDispatcher(EntityManager em, ChangeFeed feed, ObjectMapper json, SupplementsConfig config) {
        this.em = em;
        this.feed = feed;
        this.json = json;
        this.config = config.webhooks();
    }

    void start(@Observes StartupEvent start) {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        running = true;
        worker = new Thread(this::run, "webhook-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(config.timeout().toMillis() + 1000);
    }

    /** A write on this instance committed: deliver now rather than at the next poll. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                dueWebhooks().forEach(this::deliver);
                pruneAttempts();
            } catch (RuntimeException e) {
                LOG.warn("Webhook delivery round failed; retrying at the next poll", e);
            }
            synchronized (signal) {
                try {
                    if (!woken) {
                        signal.wait(config.pollInterval().toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                woken = false;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> dueWebhooks() {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                        "select w.id from webhook w where w.next_attempt_at <= ?1"
                                + " and w.position < (select last_seq from change_counter where id = 1)"
                                + " and (w.lease_until is null or w.lease_until < ?1 or w.lease_owner = ?2)"
                                + " and " + ChangeRecorder.RECEIVING + " order by w.id")
                .setParameter(1, now).setParameter(2, instance).getResultList()).stream().map(Number::longValue).toList());
    }

    /** The delivery log keeps attemptRetention; an indexed delete, cheap enough for every round. */
    private void pruneAttempts() {
        Instant before = Instant.now().minus(config.attemptRetention());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from webhook_attempt where attempted_at < ?1")
                .setParameter(1, before).executeUpdate());
    }

    /** Delivers what is waiting for one webhook, in order, until it is all delivered or one attempt fails. */
    private void deliver(long id) {
        if (!lease(id)) {
            return;
        }
        ChangeFeed.Head head = feed.head();
        Webhook w = QuarkusTransaction.requiringNew().call(() -> em.find(Webhook.class, id));
        long position = w == null ? Long.MAX_VALUE : w.position;
        for (int sent = 0; sent < 10 * BATCH && running; ) {
            List<ChangeFeed.Entry> entries = feed.after(position, BATCH);
            if (entries.isEmpty()) {
                break;
            }
            for (ChangeFeed.Entry entry : entries) {
                String messageId = "msg_" + head.epoch() + "_" + entry.seq();
                Outcome outcome = post(w, messageId, body(entry, head));
                sent++;
                if (!recordAttempt(id, entry.seq(), messageId, outcome)) {
                    return;
                }
                position = entry.seq();
            }
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update webhook set lease_owner = null, lease_until = null where id = ?1 and lease_owner = ?2")
                .setParameter(1, id).setParameter(2, instance).executeUpdate());
    }

    private boolean lease(long id) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update webhook set lease_owner = ?1, lease_until = ?2"
                        + " where id = ?3 and (lease_until is null or lease_until < ?4 or lease_owner = ?1)")
                .setParameter(1, instance).setParameter(2, now.plus(leaseTime())).setParameter(3, id).setParameter(4, now)
                .executeUpdate() == 1);
    }

    private Duration leaseTime() {
        return config.timeout().multipliedBy(3).plusSeconds(30);
    }

    /**
     * Logs the attempt and moves the webhook on (delivered) or schedules the retry (failed). False when
     * this instance must stop: the attempt failed, the webhook was deleted, or another instance took over.
     */
    private boolean recordAttempt(long id, long seq, String messageId, Outcome outcome) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return QuarkusTransaction.requiringNew().call(() -> {
            Webhook w = em.find(Webhook.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (w == null || !instance.equals(w.leaseOwner) || w.position >= seq) {
                return false;
            }
            WebhookAttempt a = new WebhookAttempt();
            a.webhookId = id;
            a.messageId = messageId;
            a.seq = seq;
            a.attempt = w.failedAttempts + 1;
            a.attemptedAt = now;
            a.delivered = outcome.delivered();
            a.responseStatus = outcome.status();
            a.error = outcome.error();
            a.durationMs = outcome.millis();
            em.persist(a);
            if (outcome.delivered()) {
                w.position = seq;
                w.failedAttempts = 0;
                w.failingSince = null;
                w.lastDeliveredAt = now;
                w.nextAttemptAt = now;
                w.leaseUntil = now.plus(leaseTime());
                return true;
            }
            w.failedAttempts++;
            if (w.failingSince == null) {
                w.failingSince = now;
            }
            w.nextAttemptAt = now.plus(backoff(w.failedAttempts));
            w.leaseOwner = null;
            w.leaseUntil = null;
            return false;
        });
    }

    /** retryInitial, doubled with every further failure, capped at retryMax. */
    Duration backoff(int failures) {
        Duration wait = config.retryInitial().multipliedBy(1L << Math.min(failures - 1, 30));
        return wait.compareTo(config.retryMax()) > 0 || wait.isNegative() ? config.retryMax() : wait;
    }

    private byte[] body(ChangeFeed.Entry entry, ChangeFeed.Head head) {
        try {
            return json.writeValueAsBytes(WebhookEvent.of(entry.item(), entry.createdAt(), ChangeFeed.cursor(head, entry.seq())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Outcome post(Webhook w, String messageId, byte[] body) {
        long started = System.nanoTime();
        var refused = ReceiverUrls.problem(w.url, config.allowPrivateAddresses());
        if (refused.isPresent()) {
            return new Outcome(false, null, "The URL " + refused.get() + ".", 0);
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(w.url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "supplement-articles-api-webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(w.secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Outcome(status >= 200 && status < 300, status, null, millisSince(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(false, null, "No answer within " + config.timeout().toMillis() + " ms.", millisSince(started));
        } catch (java.net.ConnectException e) {
            return new Outcome(false, null, "Could not connect (refused or unreachable).", millisSince(started));
        } catch (IOException e) {
            return new Outcome(false, null, "The connection failed before an answer arrived.", millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "Delivery interrupted by a shutdown.", millisSince(started));
        }
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
