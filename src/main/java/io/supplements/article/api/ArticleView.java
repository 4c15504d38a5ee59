package io.supplements.article.api;

import io.supplements.article.ArticleStatus;
import io.supplements.claim.api.ClaimView;
import io.supplements.common.Dated;
import io.supplements.source.api.SourceView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A whole article: its text, its claims and every source it cites or recommends.")
public record ArticleView(
        @Schema(required = true, examples = "42") long id,

        @Schema(required = true, examples = "kratom-for-muscle-soreness")
        String slug,

        @Schema(required = true, examples = "Kratom for Muscle Soreness")
        String title,

        @Schema(required = true, description = "Key takeaways, one paragraph")
        String summary,

        @Schema(required = true) String introduction,
        @Schema(required = true) List<SectionView> sections,

        @Schema(required = true, description = "The closing paragraph; it has no heading")
        String conclusion,

        @Schema(required = true, description = "Its claims in reading order, located by paragraph and offsets")
        List<ClaimView> claims,

        @Schema(required = true, description = "Every source the article cites or lists as a related resource")
        List<SourceView> sources,

        @Schema(required = true) RelatedResourcesView relatedResources,
        @Schema(required = true) AuthorRef author,
        @Schema(required = true) List<String> topics,
        @Schema(required = true) ArticleStatus status,

        @Schema(required = true, description = "Increases by one on every change", examples = "1")
        long version,

        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,

        @Schema(
                implementation = String.class,
                format = "date-time",
                nullable = true,
                required = true,
                description = "When it was last published; null for a draft never published")
        Instant publishedAt)
        implements Dated {}
