package io.supplements.webhook.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookAttempt", description = "One attempt at delivering one entry.")
public record WebhookAttemptView(
        @Schema(required = true) long id,

        @Schema(
                required = true,
                description = "The webhook-id header: the same for every attempt at one entry",
                examples = "msg_1763700000000_42")
        String messageId,

        @Schema(required = true, description = "The entry's position in the change feed", examples = "42")
        long seq,

        @Schema(required = true, description = "1 for the first attempt at this entry", examples = "1")
        int attempt,

        @Schema(required = true) Instant attemptedAt,

        @Schema(required = true, description = "Whether the receiver answered 2xx")
        boolean delivered,

        @Schema(
                nullable = true,
                required = true,
                description = "The receiver's HTTP status; null when there was no answer",
                examples = "200")
        Integer responseStatus,

        @Schema(
                nullable = true,
                required = true,
                description = "Why it failed, when there was no answer (connection refused, timeout, ...)")
        String error,

        @Schema(required = true, examples = "12") int durationMs) {}
