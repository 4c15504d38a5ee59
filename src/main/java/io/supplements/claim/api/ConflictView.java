package io.supplements.claim.api;

import io.supplements.source.api.SourceView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Conflict",
        description = "Claims about the same supplement and outcome that take opposite stances, "
                + "in the articles you may see (published ones without a key).")
public record ConflictView(
        @Schema(required = true, examples = "kratom") String supplement,
        @Schema(required = true, examples = "hair-loss") String outcome,

        @Schema(required = true, description = "Claims that assert the effect")
        List<ClaimView> asserting,

        @Schema(required = true, description = "Claims that deny it")
        List<ClaimView> denying,

        @Schema(required = true, description = "Claims on the same question that leave it open")
        List<ClaimView> uncertain,

        @Schema(required = true, description = "Slugs of the articles involved")
        List<String> articles,

        @Schema(required = true, description = "The sources the claims cite")
        List<SourceView> sources) {}
