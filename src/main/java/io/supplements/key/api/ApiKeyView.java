package io.supplements.key.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supplements.common.Caller.Role;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", description = "An API key; its secret is shown once, when it is created.")
public record ApiKeyView(
        @Schema(required = true, examples = "3") long id,

        @Schema(required = true, examples = "Mirror at example.com")
        String name,

        @Schema(required = true) Role role,

        @Schema(
                required = true,
                description = "The first characters of the secret, to tell keys apart",
                examples = "sak_Xy3f")
        String hint,

        @Schema(required = true) Instant createdAt,

        @Schema(
                implementation = String.class,
                format = "date-time",
                nullable = true,
                required = true,
                description = "When it was revoked; null while it is valid")
        Instant revokedAt,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description =
                        "The secret to send as 'Authorization: Bearer <secret>': in the answer to the creation only; "
                                + "only a digest of it is stored")
        String secret) {}
