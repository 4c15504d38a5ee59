package io.supplements.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.supplements.article.ArticleChanged;
import io.supplements.common.SupplementsConfig;
import io.supplements.sync.ChangeFeed;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Delivers the change feed to every webhook, entry by entry and in order: the entry after a webhook's
 * position is POSTed until the receiver answers 2xx, with exponential backoff (and jitter) between
 * attempts, each attempt signed afresh (new webhook-timestamp) and logged with what went wrong. Only then
 * does the position move on, so an entry is never skipped; a receiver may see one twice (an answer lost on
 * the way back), and recognises it by webhook-id. Webhooks are delivered to side by side, each on a thread
 * of a bounded pool, so a slow receiver delays only its own entries. Several app instances share the work:
 * a lease on the webhook row lets one instance at a time deliver for it, and on an instance one task at a
 * time, which keeps each webhook's order.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;
    /** The delivery log's error column. */
    private static final int ERROR_LENGTH = 500;

    private record Outcome(boolean delivered, Integer status, String error, int millis) {}

    private final EntityManager em;
    private final ChangeFeed feed;
    private final ObjectMapper json;
    private final SupplementsConfig.Webhooks config;
    private final ManagedExecutor rounds;
    private final String instance = UUID.randomUUID().toString();
    /** Webhooks with a delivery task queued or running on this instance. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean roundRunning = new AtomicBoolean();
    private final AtomicBoolean roundWanted = new AtomicBoolean();
    private final Clock clock;
    private HttpClient http;
    private ExecutorService deliveries;
    private volatile boolean running;

    WebhookDispatcher(
            EntityManager em,
            ChangeFeed feed,
            ObjectMapper json,
            SupplementsConfig config,
            ManagedExecutor rounds,
            Clock clock) {
        this.clock = clock;
        this.em = em;
        this.feed = feed;
        this.json = json;
        this.config = config.webhooks();
        this.rounds = rounds;
    }

    void start(@Observes StartupEvent start) {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        AtomicInteger threads = new AtomicInteger();
        deliveries = Executors.newFixedThreadPool(config.concurrency(), task -> {
            Thread t = new Thread(task, "webhook-delivery-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        if (deliveries != null) {
            deliveries.shutdownNow();
            deliveries.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
    }

    /** A write on this instance committed: look for work now rather than at the next poll. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        if (running) {
            rounds.execute(this::round);
        }
    }

    @Scheduled(
            every = "${supplements.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (running) {
            round();
        }
    }

    /**
     * Hands every due webhook that is not already being delivered to the pool. Rounds do not overlap: one
     * asked for while another runs makes that one go round again.
     */
    void round() {
        roundWanted.set(true);
        while (roundWanted.get() && roundRunning.compareAndSet(false, true)) {
            try {
                roundWanted.set(false);
                dueWebhooks().forEach(this::dispatch);
                pruneAttempts();
            } catch (RuntimeException e) {
                LOG.warn("Webhook delivery round failed; retrying at the next poll", e);
            } finally {
                roundRunning.set(false);
            }
        }
    }

    private void dispatch(long id) {
        if (!inFlight.add(id)) {
            return;
        }
        try {
            deliveries.execute(() -> {
                try {
                    deliver(id);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Delivering to webhook %d failed; retrying at the next poll", id);
                } finally {
                    inFlight.remove(id);
                }
            });
        } catch (RejectedExecutionException e) { // shutting down
            inFlight.remove(id);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> dueWebhooks() {
        Instant now = clock.instant();
        long head = feed.head().seq();
        return QuarkusTransaction.requiringNew()
                .call(() -> ((List<Number>)
                                em.createNativeQuery("select w.id from webhook w where w.next_attempt_at <= ?1"
                                                + " and w.position < ?3"
                                                + " and (w.lease_until is null or w.lease_until < ?1 or w.lease_owner = ?2)"
                                                + " and " + ReceivingWebhooks.RECEIVING + " order by w.id")
                                        .setParameter(1, now)
                                        .setParameter(2, instance)
                                        .setParameter(3, head)
                                        .getResultList())
                        .stream().map(Number::longValue).toList());
    }

    /** The delivery log keeps attemptRetention; an indexed delete, cheap enough for every round. */
    private void pruneAttempts() {
        Instant before = clock.instant().minus(config.attemptRetention());
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from webhook_attempt where attempted_at < ?1")
                        .setParameter(1, before)
                        .executeUpdate());
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
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update webhook set lease_owner = null, lease_until = null where id = ?1 and lease_owner = ?2")
                        .setParameter(1, id)
                        .setParameter(2, instance)
                        .executeUpdate());
    }

    private boolean lease(long id) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                        "update webhook set lease_owner = ?1, lease_until = ?2"
                                                + " where id = ?3 and (lease_until is null or lease_until < ?4 or lease_owner = ?1)")
                                .setParameter(1, instance)
                                .setParameter(2, now.plus(leaseTime()))
                                .setParameter(3, id)
                                .setParameter(4, now)
                                .executeUpdate()
                        == 1);
    }

    private Duration leaseTime() {
        return config.timeout().multipliedBy(3).plusSeconds(30);
    }

    /**
     * Logs the attempt and moves the webhook on (delivered) or schedules the retry (failed). False when
     * this instance must stop: the attempt failed, the webhook was deleted, or another instance took over.
     */
    private boolean recordAttempt(long id, long seq, String messageId, Outcome outcome) {
        Instant now = clock.instant();
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

    /**
     * retryInitial, doubled with every further failure, capped at retryMax, plus up to a fifth more at random:
     * receivers that failed together (an outage on their side) are not all retried in the same instant.
     */
    private Duration backoff(int failures) {
        return backoff(
                failures,
                config.retryInitial(),
                config.retryMax(),
                ThreadLocalRandom.current().nextDouble());
    }

    /** The wait after {@code failures} failures, {@code jitter} (0 to 1) choosing where in the added fifth. */
    static Duration backoff(int failures, Duration initial, Duration max, double jitter) {
        Duration wait = initial.multipliedBy(1L << Math.min(failures - 1, 30));
        Duration capped = wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
        return capped.plusMillis((long) (capped.toMillis() / 5.0 * jitter));
    }

    private byte[] body(ChangeFeed.Entry entry, ChangeFeed.Head head) {
        try {
            return json.writeValueAsBytes(
                    WebhookEvent.of(entry.item(), entry.createdAt(), ChangeFeed.cursor(head, entry.seq())));
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
        long timestamp = clock.instant().getEpochSecond();
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
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Outcome(status >= 200 && status < 300, status, null, millisSince(started));
        } catch (HttpTimeoutException e) {
            return failed(w, "No answer within " + config.timeout().toMillis() + " ms", e, started);
        } catch (java.net.ConnectException e) {
            return failed(w, "Could not connect (refused or unreachable)", e, started);
        } catch (IOException e) {
            return failed(w, "The connection failed before an answer arrived", e, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(w, "Delivery interrupted by a shutdown", e, started);
        }
    }

    /** The attempt as the log keeps it: what happened, and the cause as the network stack named it. */
    private Outcome failed(Webhook w, String what, Exception e, long started) {
        StringBuilder causes = new StringBuilder(what).append(':');
        for (Throwable t = e;
                t != null && causes.length() < ERROR_LENGTH;
                t = t.getCause() == t ? null : t.getCause()) {
            causes.append(' ').append(t.getClass().getName());
            if (t.getMessage() != null) {
                causes.append(": ").append(t.getMessage());
            }
            causes.append(t.getCause() != null ? ";" : ".");
        }
        String error =
                causes.length() > ERROR_LENGTH ? causes.substring(0, ERROR_LENGTH - 1) + "\u2026" : causes.toString();
        LOG.infof("Delivery to webhook %d (%s) failed: %s", w.id, w.url, error);
        return new Outcome(false, null, error, millisSince(started));
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
