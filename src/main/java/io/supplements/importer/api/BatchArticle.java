package io.supplements.importer.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a batch import: an article in the seed text format, with what the text does not carry. */
@Schema(name = "BatchArticle", description = "One line of an application/x-ndjson batch import")
public record BatchArticle(
        @Schema(description = "Slug of the new article; derived from the title when absent", examples = "kratom-basics")
        String slug,

        @Schema(description = "Title; the first section heading when absent", examples = "Kratom Basics")
        String title,

        @Schema(description = "Topic slugs", examples = "[\"kratom\"]")
        List<String> topics,

        @Schema(
                description = "draft (default) or published",
                enumeration = {"draft", "published"})
        String status,

        @Schema(description = "The article in the seed text format", required = true)
        String text) {}
