package io.supplements.claim.api;

import io.supplements.claim.ClaimLocation;
import io.supplements.claim.api.ClaimView.CitationView;
import io.supplements.claim.extraction.Attribution;
import io.supplements.claim.extraction.Stance;
import io.supplements.source.api.SourceView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A claim (the fields of Claim) plus the sources its citations point to.")
public record ClaimDetail(
        @Schema(required = true) long id,
        @Schema(required = true) String article,
        @Schema(required = true) String text,
        @Schema(required = true) ClaimLocation location,
        @Schema(nullable = true, required = true) String sectionAnchor,
        @Schema(required = true) int paragraph,
        @Schema(required = true) int start,
        @Schema(required = true) int end,
        @Schema(nullable = true, required = true) String supplement,
        @Schema(nullable = true, required = true) String outcome,
        @Schema(required = true) Stance stance,
        @Schema(required = true) boolean hedged,
        @Schema(required = true) Attribution attribution,
        @Schema(required = true) boolean edited,
        @Schema(required = true) List<CitationView> citations,
        @Schema(required = true) List<SourceView> sources) {

    public static ClaimDetail of(ClaimView c, List<SourceView> sources) {
        return new ClaimDetail(
                c.id(),
                c.article(),
                c.text(),
                c.location(),
                c.sectionAnchor(),
                c.paragraph(),
                c.start(),
                c.end(),
                c.supplement(),
                c.outcome(),
                c.stance(),
                c.hedged(),
                c.attribution(),
                c.edited(),
                c.citations(),
                sources);
    }
}
