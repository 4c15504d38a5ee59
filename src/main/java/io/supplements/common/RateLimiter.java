package io.supplements.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Per-key (per-address without a key) token buckets: each request takes a token, a client that has
 * none left gets a 429 with Retry-After. A 304 gives its token back: revalidating what one holds is
 * what well-behaved mirrors do, and it costs us little. Buckets live in this instance's memory, so
 * with N instances behind a balancer a client gets up to N times the limit.
 */
@ApplicationScoped
public class RateLimiter {
    private static final String BUCKET = RateLimiter.class.getName();
    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000;

    private final SupplementsConfig.RateLimit config;
    private final Caller caller;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    RateLimiter(SupplementsConfig config, Caller caller) {
        this.config = config.rateLimit();
        this.caller = caller;
    }

    /** Runs after the key filter, which establishes who is calling. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    void take(ContainerRequestContext context, HttpServerRequest http) {
        if (!config.enabled()) {
            return;
        }
        boolean keyed = caller.canReadDrafts();
        String client = keyed ? "key:" + caller.keyId() : "ip:" + address(http);
        take(client, keyed ? config.keyedPerMinute() : config.anonymousPerMinute());
        context.setProperty(BUCKET, buckets.get(client));
    }

    /**
     * A request with a key that is not valid counts against its address, whatever the key: guessing
     * keys is limited like any anonymous traffic. Throws the 429 when the address has no token left.
     */
    public void takeForAddress(HttpServerRequest http) {
        if (config.enabled()) {
            take("ip:" + address(http), config.anonymousPerMinute());
        }
    }

    /** Takes a token for an anonymous request if the address has one left. */
    public boolean tryTakeForAddress(HttpServerRequest http) {
        int perMinute = config.anonymousPerMinute();
        return !config.enabled() || bucket("ip:" + address(http), perMinute).take(perMinute, System.nanoTime()) == 0;
    }

    private Bucket bucket(String client, int perMinute) {
        long now = System.nanoTime();
        if (requests.incrementAndGet() % 10_000 == 0) {
            buckets.values().removeIf(b -> b.idleSince(now) > IDLE_NANOS);
        }
        return buckets.computeIfAbsent(client, k -> new Bucket(perMinute, now));
    }

    private void take(String client, int perMinute) {
        long waitNanos = bucket(client, perMinute).take(perMinute, System.nanoTime());
        if (waitNanos > 0) {
            throw ProblemException.tooManyRequests(Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000));
        }
    }

    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress();
    }

    @ServerResponseFilter
    void refundRevalidation(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 304 && request.getProperty(BUCKET) instanceof Bucket bucket) {
            bucket.refund();
        }
    }

    /** Tokens refill at perMinute/60 per second up to perMinute. */
    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int perMinute, long now) {
            tokens = perMinute;
            last = now;
        }

        /** Takes a token and returns 0, or returns how long until one is there. */
        synchronized long take(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized void refund() {
            tokens += 1;
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
