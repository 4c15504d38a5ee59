package io.supplements.article.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A section of an article: its heading and its paragraphs in order.")
public record SectionView(
        @Schema(
                required = true,
                description = "Stable within the article; derived from the heading",
                examples = "understanding-kratom")
        String anchor,

        @Schema(required = true, examples = "Understanding Kratom")
        String heading,

        @Schema(required = true) List<String> paragraphs) {}
