package io.supplements.article.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        nullable = true,
        description =
                "The article's author, with the bio line as this article published it; null when the article names none.")
public record AuthorRef(
        @Schema(required = true, examples = "dr-emily-parker")
        String slug,

        @Schema(required = true, examples = "Dr. Emily Parker")
        String name,

        @Schema(required = true) String bio) {}
