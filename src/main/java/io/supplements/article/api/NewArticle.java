package io.supplements.article.api;

import io.supplements.article.ArticleStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article to create or to replace an existing one with. Every text is one line (no line breaks),
 * because an article must always be exportable in the seed text format.
 */
@Schema(description = "An article to create, or the full replacement of an existing one.")
public record NewArticle(
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Limits.SLUG, message = Limits.SLUG_MESSAGE)
        @Schema(required = true, examples = "kratom-for-muscle-soreness", pattern = Limits.SLUG, maxLength = 200)
        String slug,

        @NotBlank
        @Size(max = 300)
        @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
        @Schema(required = true, examples = "Kratom for Muscle Soreness", maxLength = 300)
        String title,

        @NotBlank
        @Size(max = Limits.PARAGRAPH)
        @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
        @Schema(required = true, maxLength = Limits.PARAGRAPH)
        String summary,

        @NotBlank
        @Size(max = Limits.PARAGRAPH)
        @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
        @Schema(required = true, maxLength = Limits.PARAGRAPH)
        String introduction,

        @NotEmpty @Size(max = Limits.SECTIONS) @Schema(required = true, maxItems = Limits.SECTIONS)
        List<@NotNull @Valid NewSection> sections,

        @NotBlank
        @Size(max = Limits.PARAGRAPH)
        @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
        @Schema(required = true, maxLength = Limits.PARAGRAPH)
        String conclusion,

        @Valid NewRelatedResources relatedResources,
        @Valid NewAuthor author,

        @Size(max = 20) @Schema(maxItems = 20, examples = "[\"kratom\", \"pain-relief\"]")
        List<@NotNull @Size(max = 100) @Pattern(regexp = Limits.SLUG, message = Limits.SLUG_MESSAGE) String> topics,

        @Schema(description = "When absent: draft for a new article; unchanged for a replaced one")
        ArticleStatus status) {

    @Schema(description = "A section: its heading (unique within the article) and at least one paragraph.")
    public record NewSection(
            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
            @Schema(required = true, maxLength = 300)
            String heading,

            @NotEmpty @Size(max = Limits.PARAGRAPHS) @Schema(required = true, maxItems = Limits.PARAGRAPHS)
            List<
                            @NotBlank @Size(max = Limits.PARAGRAPH)
                            @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE) String>
                    paragraphs) {}

    @Schema(
            nullable = true,
            description =
                    "The \"Related Resources\" block: an intro line and at least one resource; null or absent for none.")
    public record NewRelatedResources(
            @NotBlank
            @Size(max = 2000)
            @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
            @Schema(required = true)
            String intro,

            @NotEmpty @Size(max = 100) @Schema(required = true)
            List<@NotNull @Valid NewRelatedResource> items) {}

    public record NewRelatedResource(
            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
            @Schema(required = true, examples = "PubMed")
            String name,

            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
            @Schema(required = true, examples = "Academic Database")
            String type,

            @NotBlank
            @Size(max = 5000)
            @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
            @Schema(required = true)
            String description,

            @NotBlank
            @Size(max = 2000)
            @Pattern(regexp = Limits.URL, message = "must be an http(s) URL or a site path starting with /")
            @Schema(required = true, examples = "https://pubmed.ncbi.nlm.nih.gov/")
            String url) {}

    @Schema(
            nullable = true,
            description =
                    "The author; the bio is the \"About the Author\" line and must begin with the name. Null or absent for none.")
    public record NewAuthor(
            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
            @Schema(required = true, examples = "Dr. Emily Parker")
            String name,

            @NotBlank
            @Size(max = 5000)
            @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
            @Schema(required = true, examples = "Dr. Emily Parker is a Natural Health Specialist.")
            String bio) {}
}
