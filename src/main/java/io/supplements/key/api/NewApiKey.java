package io.supplements.key.api;

import io.supplements.common.Caller.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An API key to create.")
public record NewApiKey(
        @NotBlank
        @Size(max = 200)
        @Pattern(
                regexp = "^[^\\x00-\\x08\\x0A-\\x1F\\x7F]*$",
                message = "must be a single line without control characters")
        @Schema(required = true, description = "Who or what uses it", examples = "Mirror at example.com")
        String name,

        @NotNull
        @Schema(
                required = true,
                description = "reader: may read drafts and register webhooks; editor: may also write content; "
                        + "admin: may also manage keys and every webhook")
        Role role) {}
