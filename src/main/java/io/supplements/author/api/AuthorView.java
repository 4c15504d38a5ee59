package io.supplements.author.api;

import io.supplements.article.api.ArticleSummary;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An author with their articles, newest first.")
public record AuthorView(
        @Schema(required = true, examples = "dr-emily-parker")
        String slug,

        @Schema(required = true, examples = "Dr. Emily Parker")
        String name,

        @Schema(required = true, description = "The bio line of their newest article you may see")
        String bio,

        @Schema(required = true) List<ArticleSummary> articles) {}
