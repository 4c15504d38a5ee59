package io.supplements.article.api;

import io.supplements.article.ArticleStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An article as listed: enough to render a teaser and link to it.")
public record ArticleSummary(
        @Schema(required = true, examples = "42") long id,

        @Schema(required = true, examples = "kratom-for-muscle-soreness")
        String slug,

        @Schema(required = true, examples = "Kratom for Muscle Soreness")
        String title,

        @Schema(required = true, description = "Key takeaways, one paragraph")
        String summary,

        @Schema(required = true) ArticleStatus status,

        @Schema(required = true, examples = "2026-11-21T10:00:00Z")
        Instant updatedAt,

        @Schema(required = true, examples = "[\"kratom\", \"pain-relief\"]")
        List<String> topics) {}
