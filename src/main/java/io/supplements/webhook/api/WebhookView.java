package io.supplements.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A registered webhook and how its deliveries stand.")
public record WebhookView(
        @Schema(required = true, examples = "1") long id,
        @Schema(required = true) String url,
        @Schema(nullable = true, required = true) String description,
        @Schema(required = true) Instant createdAt,

        @Schema(required = true, description = "Change-feed cursor just after the last entry the receiver accepted")
        String cursor,

        @Schema(required = true, description = "Entries recorded after it, still to deliver", examples = "0")
        long pending,

        @Schema(
                required = true,
                description = "Failed attempts at the next entry; 0 when deliveries succeed",
                examples = "0")
        int failedAttempts,

        @Schema(
                implementation = String.class,
                format = "date-time",
                nullable = true,
                required = true,
                description = "Since when deliveries fail; null when they succeed")
        Instant failingSince,

        @Schema(required = true, description = "When the next entry is (re)tried")
        Instant nextAttemptAt,

        @Schema(
                implementation = String.class,
                format = "date-time",
                nullable = true,
                required = true,
                description = "When the receiver last accepted an entry; null before the first")
        Instant lastDeliveredAt,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The signing secret: in the answer to the registration only")
        String secret) {}
