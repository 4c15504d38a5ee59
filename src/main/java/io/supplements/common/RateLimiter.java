package io.supplements.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Duration;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Per-key (per-address without a key) token buckets: each request takes a token, a client that has
 * none left gets a 429 with Retry-After. Every limited answer says where its client stands, in the
 * IETF draft's headers (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy: "anonymous";q=600;w=60}
 * (the quota per window of seconds) and {@code RateLimit: "anonymous";r=599;t=1} (what remains, and the
 * seconds until the bucket is full again). A 304 gives its token back: revalidating what one holds is
 * what well-behaved mirrors do, and it costs us little. Buckets live in this instance's memory, so
 * with N instances behind a balancer a client gets up to N times the limit.
 */
@ApplicationScoped
public class RateLimiter {
    private static final String BUCKET = RateLimiter.class.getName();
    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";
    /** Clients tracked at most; past that the least recently seen bucket goes (a client returning gets a full one). */
    private static final int MAX_CLIENTS = 100_000;

    private final SupplementsConfig.RateLimit config;
    private final Caller caller;
    // A bucket left alone for a minute is full again, as a new one would be: it can go.
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(1))
            .maximumSize(MAX_CLIENTS)
            .build();

    private final Policy anonymous;
    private final Policy keyed;

    RateLimiter(SupplementsConfig config, Caller caller) {
        this.config = config.rateLimit();
        this.caller = caller;
        this.anonymous = new Policy("anonymous", this.config.anonymousPerMinute());
        this.keyed = new Policy("keyed", this.config.keyedPerMinute());
    }

    /** Runs after the key filter, which establishes who is calling. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    void take(ContainerRequestContext context, HttpServerRequest http) {
        if (!config.enabled()) {
            return;
        }
        boolean keyed = caller.hasKey();
        String client = keyed ? "key:" + caller.keyId() : "ip:" + address(http);
        Policy policy = keyed ? this.keyed : anonymous;
        Bucket bucket = bucket(client, policy.perMinute());
        context.setProperty(BUCKET, new Limited(bucket, policy));
        take(bucket);
    }

    /** A quota, and its RateLimit-Policy header value, made once. */
    private record Policy(String name, int perMinute, String header) {
        Policy(String name, int perMinute) {
            this(name, perMinute, "\"" + name + "\";q=" + perMinute + ";w=60");
        }
    }

    /** A request's bucket and the policy it is counted under. */
    private record Limited(Bucket bucket, Policy policy) {}

    /**
     * A request with a key that is not valid counts against its address, whatever the key: guessing
     * keys is limited like any anonymous traffic. Throws the 429 when the address has no token left;
     * else sets the rate-limit headers on {@code response}.
     */
    public void takeForAddress(HttpServerRequest http, io.vertx.core.http.HttpServerResponse response) {
        long waitNanos = takeForAddressOrWait(http, response);
        if (waitNanos > 0) {
            throw tooMany(waitNanos);
        }
    }

    /**
     * Takes a token for an anonymous request if the address has one left, and sets the rate-limit
     * headers on {@code response}; false (and no header set) when it has none.
     */
    public boolean tryTakeForAddress(HttpServerRequest http, io.vertx.core.http.HttpServerResponse response) {
        return takeForAddressOrWait(http, response) == 0;
    }

    /** 0 when a token was taken (and the headers set), else how long until the address has one. */
    private long takeForAddressOrWait(HttpServerRequest http, io.vertx.core.http.HttpServerResponse response) {
        if (!config.enabled()) {
            return 0;
        }
        Bucket bucket = bucket("ip:" + address(http), anonymous.perMinute());
        long now = System.nanoTime();
        long waitNanos = bucket.take(now);
        if (waitNanos == 0) {
            response.putHeader(POLICY_HEADER, anonymous.header())
                    .putHeader(HEADER, bucket.header(anonymous.name(), now));
        }
        return waitNanos;
    }

    private Bucket bucket(String client, int perMinute) {
        return buckets.get(client, k -> new Bucket(perMinute, System.nanoTime()));
    }

    private void take(Bucket bucket) {
        long waitNanos = bucket.take(System.nanoTime());
        if (waitNanos > 0) {
            throw tooMany(waitNanos);
        }
    }

    private static ProblemException tooMany(long waitNanos) {
        return ProblemException.tooManyRequests(Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000));
    }

    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress();
    }

    @ServerResponseFilter
    void tell(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(BUCKET) instanceof Limited limited) {
            if (response.getStatus() == 304) {
                limited.bucket().refund(); // not counted, so nothing to tell
                return;
            }
            response.getHeaders().putSingle(POLICY_HEADER, limited.policy().header());
            response.getHeaders()
                    .putSingle(HEADER, limited.bucket().header(limited.policy().name(), System.nanoTime()));
        }
    }

    /** Tokens refill at perMinute/60 per second up to perMinute. */
    static final class Bucket {
        private final int perMinute;
        private double tokens;
        private long last;

        Bucket(int perMinute, long now) {
            this.perMinute = perMinute;
            tokens = perMinute;
            last = now;
        }

        /** The RateLimit header's value: whole tokens left, and seconds until the bucket is full. */
        synchronized String header(String policy, long now) {
            double current = Math.min(perMinute, tokens + (now - last) * (perMinute / 60e9));
            long full = (long) Math.ceil((perMinute - current) * 60 / perMinute);
            return "\"" + policy + "\";r=" + (long) Math.floor(current) + ";t=" + full;
        }

        /** Takes a token and returns 0, or returns how long until one is there. */
        synchronized long take(long now) {
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
    }
}
