package io.supplements.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings under {@code supplements.*}; each is also an environment variable (SUPPLEMENTS_ADMIN_KEY, ...). */
@ConfigMapping(prefix = "supplements")
public interface SupplementsConfig {

    /** Bearer key with every right. When unset, nobody can write. */
    Optional<String> adminKey();

    /** Load the bundled sample articles into an empty database at start. */
    @WithDefault("false")
    boolean sampleContent();

    Webhooks webhooks();

    /** Delivery of the change feed to registered webhooks. */
    interface Webhooks {
        /** How often each instance looks for entries to deliver (writes on this instance wake it at once); 1 s or more, the scheduler's resolution. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Wait before the first retry of a failed delivery; it doubles with every failure, up to retryMax. */
        @WithDefault("5s")
        Duration retryInitial();

        @WithDefault("10m")
        Duration retryMax();

        /** How long a receiver has to connect and answer. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * How many webhooks one instance delivers to at once, each on a thread of its own: a slow receiver holds
         * up only its own deliveries. Each webhook still gets its entries one at a time, in order.
         */
        @WithDefault("8")
        int concurrency();

        /** How long the delivery log (/v1/webhooks/{id}/attempts) keeps an attempt. */
        @WithDefault("30d")
        Duration attemptRetention();

        /**
         * Whether webhook URLs may point at loopback, private or link-local addresses. Off in production:
         * otherwise any keyed client could make the server call into its own network (SSRF).
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();
    }

    RateLimit rateLimit();

    /**
     * Requests per minute, per API key (or per client address without one), per instance; a bucket
     * that refills continuously, so short bursts up to the limit pass. 304 answers are not counted.
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("600")
        int anonymousPerMinute();

        @WithDefault("3000")
        int keyedPerMinute();
    }

    Cache cache();

    Reads reads();

    /**
     * Reads of stored articles that the cache does not answer (every anonymous miss and every keyed read):
     * a reader thread takes what is waiting, up to a batch, and reads it in one query. Two cores spend far
     * less on one query for 20 articles than on 20 queries, each on a thread and a connection of its own
     * (measured on the 50,000-article catalogue: one reader 8,700-9,200 reads/s, two 6,400-7,900, and one
     * query per read on the worker pool 3,400-3,700). More cores may want more readers.
     */
    interface Reads {
        /** Reader threads (and so database connections) reading at once. */
        @WithDefault("1")
        int threads();

        /** Most articles read by one query. */
        @WithDefault("32")
        int batch();
    }

    Search search();

    /** Full-text search on PostgreSQL (see search.HeadTerms). */
    interface Search {
        /** Largest total size of the title and summary terms kept in memory (and a quarter of it for topics). */
        @WithDefault("16")
        int headTermsMegabytes();
    }

    /** The in-memory cache of published articles as anonymous readers get them (see PublishedArticleCache). */
    interface Cache {
        @WithDefault("true")
        boolean enabled();

        /** Largest total size of the cached representations. */
        @WithDefault("64")
        int maxMegabytes();

        /** How often each instance reads the change feed to drop what other instances changed. */
        @WithDefault("250ms")
        Duration syncInterval();
    }

    Reextraction reextraction();

    /** Re-extraction of claims in the background when the extractor or the vocabulary changes. */
    interface Reextraction {
        @WithDefault("true")
        boolean enabled();

        /** Articles re-extracted per transaction batch. */
        @WithDefault("20")
        int batchSize();

        /** How often an idle instance looks for articles extracted with an older extractor. */
        @WithDefault("30s")
        Duration pollInterval();
    }
}
