package io.supplements.source.api;

import io.supplements.article.api.ArticleSummary;
import io.supplements.claim.api.ClaimView;
import io.supplements.claim.extraction.SourceKind;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A source (the fields of Source) plus the claims citing it and the articles citing or listing it.")
public record SourceDetail(
        @Schema(required = true) long id,
        @Schema(required = true) SourceKind kind,
        @Schema(required = true) String name,
        @Schema(nullable = true, required = true) String url,
        @Schema(nullable = true, required = true) Integer year,
        @Schema(nullable = true, required = true) String description,
        @Schema(nullable = true, required = true) String type,
        @Schema(nullable = true, required = true) String doi,
        @Schema(nullable = true, required = true) String pmid,
        @Schema(required = true) boolean hasIdentifier,
        @Schema(required = true) List<ClaimView> claims,
        @Schema(required = true) List<ArticleSummary> articles) {

    public static SourceDetail of(SourceView s, List<ClaimView> claims, List<ArticleSummary> articles) {
        return new SourceDetail(
                s.id(),
                s.kind(),
                s.name(),
                s.url(),
                s.year(),
                s.description(),
                s.type(),
                s.doi(),
                s.pmid(),
                s.hasIdentifier(),
                claims,
                articles);
    }
}
