package io.supplements.claim.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A citation: the source, and the span of the claim's paragraph that names it.")
public record NewCitation(
        @NotNull @Schema(required = true, examples = "3") Long sourceId,

        @NotNull @Min(0) @Schema(required = true, description = "UTF-16 offset in the claim's paragraph")
        Integer start,

        @NotNull @Min(1) @Schema(required = true) Integer end) {}
