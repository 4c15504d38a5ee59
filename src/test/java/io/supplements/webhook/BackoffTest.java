package io.supplements.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration INITIAL = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofMinutes(10);

    @Test
    void doublesWithEveryFailureUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(5), WebhookDispatcher.backoff(1, INITIAL, MAX, 0));
        assertEquals(Duration.ofSeconds(10), WebhookDispatcher.backoff(2, INITIAL, MAX, 0));
        assertEquals(Duration.ofSeconds(320), WebhookDispatcher.backoff(7, INITIAL, MAX, 0));
        assertEquals(MAX, WebhookDispatcher.backoff(8, INITIAL, MAX, 0), "5 s × 2^7 = 640 s is over the cap");
        assertEquals(MAX, WebhookDispatcher.backoff(1000, INITIAL, MAX, 0), "no overflow after many failures");
    }

    @Test
    void jitterAddsUpToAFifth() {
        assertEquals(Duration.ofSeconds(6), WebhookDispatcher.backoff(1, INITIAL, MAX, 1.0));
        assertEquals(Duration.ofMillis(5500), WebhookDispatcher.backoff(1, INITIAL, MAX, 0.5));
        assertEquals(
                Duration.ofMinutes(12),
                WebhookDispatcher.backoff(9, INITIAL, MAX, 1.0),
                "a fifth over the cap at most");
    }
}
