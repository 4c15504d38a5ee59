package io.supplements.claim;

import io.supplements.claim.api.ClaimView;
import io.supplements.claim.api.ClaimView.CitationView;
import java.util.List;

public final class ClaimMapper {
    private ClaimMapper() {
    }

    /** Needs the claim's article and section loaded (they are, by every query that reads claims). */
    public static ClaimView toView(Claim c, List<Citation> citations) {
        return new ClaimView(c.id, c.article.slug, c.text, c.location,
                c.section == null ? null : c.section.anchor, c.paragraph, c.startOffset, c.endOffset,
                c.supplement, c.outcome, c.stance, c.hedged,
                citations.stream().map(ci -> new CitationView(ci.source.id, ci.citedText, ci.startOffset, ci.endOffset)).toList());
    }
}
