package io.supplements.claim.api;

import io.supplements.article.api.Limits;
import io.supplements.claim.extraction.Attribution;
import io.supplements.claim.extraction.Stance;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "An editor's judgement of a claim. Supplement and outcome are vocabulary slugs (GET /v1/vocabulary). "
                        + "Attribution cited needs at least one citation; without citations it is vague or none.")
public record ClaimJudgement(
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = Limits.SLUG, message = Limits.SLUG_MESSAGE)
        @Schema(required = true, examples = "kratom")
        String supplement,

        @Size(max = 100)
        @Pattern(regexp = Limits.SLUG, message = Limits.SLUG_MESSAGE)
        @Schema(nullable = true, examples = "hair-loss")
        String outcome,

        @NotNull @Schema(required = true) Stance stance,
        @NotNull @Schema(required = true) Boolean hedged,

        @Schema(nullable = true, description = "Defaults to cited when the claim has citations, else none")
        Attribution attribution) {}
