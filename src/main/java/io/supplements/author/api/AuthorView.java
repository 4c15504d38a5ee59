package io.supplements.author.api;

import io.supplements.article.api.ArticleSummary;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An author with their articles, newest first.")
public record AuthorView(
        @Schema(required = true, examples = "dr-emily-parker") String slug,
        @Schema(required = true, examples = "Dr. Emily Parker") String name,
        @Schema(nullable = true, required = true, description = "The latest bio imported for this author") String bio,
        @Schema(required = true) List<ArticleSummary> articles) {
}
