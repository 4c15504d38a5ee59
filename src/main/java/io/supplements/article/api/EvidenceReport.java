package io.supplements.article.api;

import io.supplements.source.api.SourceView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "How well an article supports what it claims; shares are fractions of its claims (0 when it has none).")
public record EvidenceReport(
        @Schema(required = true) String article,

        @Schema(required = true, description = "The article version the report describes")
        long version,

        @Schema(required = true, description = "Number of claims")
        int claims,

        @Schema(required = true, description = "Claims by attribution")
        Attributions attribution,

        @Schema(required = true, description = "Share of claims by attribution")
        AttributionShares attributionShare,

        @Schema(required = true, description = "Claims by stance")
        Stances stances,

        @Schema(required = true, description = "Share of claims that hedge")
        double hedgedShare,

        @Schema(required = true, description = "Distinct sources cited or listed, by kind")
        SourceKinds sourcesByKind,

        @Schema(required = true, description = "Sources a reader cannot follow: no DOI, PMID or URL")
        List<SourceView> sourcesWithoutIdentifier,

        @Schema(
                required = true,
                description = "Share of the cited claims whose only support is animal or cell studies: "
                        + "every citation of the claim studied animals or cells (0 when nothing is cited)")
        double animalOrCellOnlyShare) {

    public record Attributions(
            @Schema(required = true) int cited,
            @Schema(required = true) int vague,
            @Schema(required = true) int none) {}

    public record AttributionShares(
            @Schema(required = true) double cited,
            @Schema(required = true) double vague,
            @Schema(required = true) double none) {}

    public record Stances(
            @Schema(required = true) int asserts,
            @Schema(required = true) int denies,
            @Schema(required = true) int uncertain) {}

    public record SourceKinds(
            @Schema(required = true) int journal,
            @Schema(required = true) int web,
            @Schema(required = true) int organization,
            @Schema(required = true) int author,
            @Schema(required = true) int document) {}
}
