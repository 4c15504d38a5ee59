package io.supplements.webhook.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.supplements.sync.api.ChangeItem;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every webhook delivery: a Standard Webhooks event whose data is a change as the feed serves it. */
@Schema(
        name = "WebhookEvent",
        description = "The body POSTed to a webhook (Standard Webhooks; verify the webhook-signature "
                + "header with the webhook's secret). Delivered one at a time, in feed order.")
public record WebhookEvent(
        @Schema(
                required = true,
                enumeration = {"article.upsert", "article.delete"})
        String type,

        @Schema(required = true, description = "When the change was recorded")
        Instant timestamp,

        @Schema(required = true) Data data) {

    public static WebhookEvent of(ChangeItem change, Instant recordedAt, String cursor) {
        return new WebhookEvent("article." + change.op(), recordedAt, new Data(change, cursor));
    }

    @Schema(
            name = "WebhookEventData",
            description = "The change, exactly as GET /v1/changes serves it, and the feed cursor just after it",
            allOf = ChangeItem.class)
    public record Data(
            @JsonUnwrapped @Schema(hidden = true) ChangeItem change,

            @Schema(
                    required = true,
                    description = "GET /v1/changes?cursor= this value resumes the feed after this change")
            String cursor) {}
}
