package io.supplements.vocabulary.api;

import io.supplements.article.api.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A term to add: text that names a supplement or outcome (a new slug, or a synonym of an existing one).")
public record NewTerm(
        @NotNull @Schema(required = true) TermKind kind,

        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = Limits.SLUG, message = Limits.SLUG_MESSAGE)
        @Schema(required = true, examples = "hair-loss")
        String slug,

        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
        @Schema(required = true, examples = "balding")
        String term) {

    /** Lower-case constants on purpose: the names are the wire and column values. */
    public enum TermKind {
        supplement,
        outcome
    }
}
