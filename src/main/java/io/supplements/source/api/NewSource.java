package io.supplements.source.api;

import io.supplements.article.api.Limits;
import io.supplements.claim.extraction.SourceKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "A source to create, or the full replacement of one. A web source is identified by its URL "
                + "(required); a journal or organisation by name and year.")
public record NewSource(
        @NotNull @Schema(required = true) SourceKind kind,

        @NotBlank
        @Size(max = 300)
        @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
        @Schema(required = true, examples = "Journal of Ethnopharmacology")
        String name,

        @Min(1600) @Max(2100) @Schema(nullable = true, examples = "2017")
        Integer year,

        @Size(max = 2000)
        @Pattern(regexp = Limits.URL, message = "must be an http(s) URL or a site path starting with /")
        @Schema(nullable = true, examples = "https://doi.org/10.1016/j.jep.2017.01.001")
        String url,

        @Size(max = 5000) @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE) @Schema(nullable = true)
        String description,

        @Size(max = 200)
        @Pattern(regexp = Limits.ONE_LINE, message = Limits.ONE_LINE_MESSAGE)
        @Schema(nullable = true, examples = "Academic Database")
        String type,

        @Size(max = 200)
        @Pattern(
                regexp = "^10\\.\\d{4,9}/[^\\s\\x00-\\x1F\\x7F]+$",
                message = "must be a DOI such as 10.1016/j.jep.2017.01.001")
        @Schema(nullable = true, examples = "10.1016/j.jep.2017.01.001")
        String doi,

        @Pattern(regexp = "^[1-9][0-9]{0,8}$", message = "must be a PubMed id: 1 to 9 digits")
        @Schema(nullable = true, examples = "28216987")
        String pmid) {}
