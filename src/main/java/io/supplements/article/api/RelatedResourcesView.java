package io.supplements.article.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        nullable = true,
        description =
                "The article's \"Related Resources\": an intro line and the resources in order; null when it has none.")
public record RelatedResourcesView(
        @Schema(required = true) String intro,
        @Schema(required = true) List<Item> items) {

    @Schema(
            name = "RelatedResource",
            description = "One related resource in the article's wording; sourceId is the shared source.")
    public record Item(
            @Schema(required = true) long sourceId,
            @Schema(required = true, examples = "PubMed") String name,

            @Schema(required = true, examples = "Academic Database")
            String type,

            @Schema(required = true) String description,

            @Schema(
                    required = true,
                    description = "Absolute URL or a site path",
                    examples = "https://pubmed.ncbi.nlm.nih.gov/")
            String url) {}
}
