package io.supplements.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimitBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketGivesItsQuotaThenSaysHowLongUntilTheNextToken() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(60, 0);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, bucket.take(0), "token " + (i + 1) + " of 60");
        }
        assertEquals(SECOND, bucket.take(0), "60 a minute: the next token in one second");
        assertEquals(SECOND / 2, bucket.take(SECOND / 2), "half of it later, half as long");
        assertEquals(0, bucket.take(SECOND), "then it is there");
    }

    @Test
    void theHeaderCountsWholeTokensLeftAndSecondsUntilFull() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(600, 0);
        assertEquals("\"anonymous\";r=600;t=0", bucket.header("anonymous", 0));
        for (int i = 0; i < 30; i++) {
            bucket.take(0);
        }
        assertEquals("\"anonymous\";r=570;t=3", bucket.header("anonymous", 0), "30 tokens at 10 a second");
        assertEquals("\"anonymous\";r=585;t=2", bucket.header("anonymous", SECOND * 3 / 2));
        assertEquals("\"anonymous\";r=600;t=0", bucket.header("anonymous", 10 * SECOND), "never more than the quota");
    }

    @Test
    void aRefundGivesTheTokenBack() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(1, 0);
        assertEquals(0, bucket.take(0));
        bucket.refund();
        assertEquals(0, bucket.take(0), "a 304 is not counted");
        assertEquals(60 * SECOND, bucket.take(0));
    }
}
