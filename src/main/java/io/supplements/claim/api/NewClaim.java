package io.supplements.claim.api;

import io.supplements.article.api.Limits;
import io.supplements.claim.ClaimLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A claim extraction missed: a span of one paragraph of the article, and the editor's judgement of it. */
@Schema(
        description =
                "A claim an editor adds: which span of which paragraph it is (the text is taken from the article), "
                        + "what it is about, and what it cites.")
public record NewClaim(
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Limits.SLUG, message = Limits.SLUG_MESSAGE)
        @Schema(required = true, description = "Slug of the article", examples = "kratom-chronic-pain")
        String article,

        @NotNull @Schema(required = true) ClaimLocation location,

        @Size(max = 200)
        @Pattern(regexp = Limits.SLUG, message = Limits.SLUG_MESSAGE)
        @Schema(description = "Anchor of the section; only for location section")
        String sectionAnchor,

        @NotNull @Min(0) @Schema(required = true, description = "0-based paragraph of the section (0 elsewhere)")
        Integer paragraph,

        @NotNull @Min(0) @Schema(required = true, description = "UTF-16 offset where the claim starts in the paragraph")
        Integer start,

        @NotNull @Min(1) @Schema(required = true, description = "UTF-16 offset where it ends (exclusive)")
        Integer end,

        @Valid @NotNull @Schema(required = true) ClaimJudgement judgement,
        @Size(max = 20) List<@NotNull @Valid NewCitation> citations) {}
