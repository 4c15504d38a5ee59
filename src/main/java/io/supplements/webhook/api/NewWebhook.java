package io.supplements.webhook.api;

import io.supplements.webhook.WebhookSigner;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A webhook to register: every change-feed entry after the starting point is POSTed to url.")
public record NewWebhook(
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "^https?://[^\\s\\x00-\\x1F\\x7F]+$", message = "must be an absolute http(s) URL")
        @Schema(required = true, examples = "https://mirror.example.com/hooks/supplements")
        String url,

        @Size(max = 200)
        @Pattern(
                regexp = "^[^\\x00-\\x08\\x0A-\\x1F\\x7F]*$",
                message = "must be a single line without control characters")
        @Schema(nullable = true, examples = "Production mirror")
        String description,

        @Pattern(regexp = WebhookSigner.SECRET_PATTERN, message = "must be whsec_ followed by 24 to 64 bytes in base64")
        @Schema(
                nullable = true,
                description = "Signing secret in the Standard Webhooks format; omit it to have one generated",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,

        @Size(max = 200)
        @Schema(
                nullable = true,
                description =
                        "Change-feed cursor to start after (the next of the last page you applied), so "
                                + "that nothing falls between your snapshot and the webhook; omit it to start with the next change")
        String cursor) {}
