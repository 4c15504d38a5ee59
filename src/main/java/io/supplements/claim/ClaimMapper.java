package io.supplements.claim;

import io.supplements.claim.api.ClaimView;
import io.supplements.claim.api.ClaimView.CitationIdentifiers;
import io.supplements.claim.api.ClaimView.CitationView;
import java.util.List;

public final class ClaimMapper {
    private ClaimMapper() {}

    /** Reads the claim's article: callers fetch it with the claim or already hold it in the session. */
    public static ClaimView toView(Claim c, List<Citation> citations) {
        return new ClaimView(
                c.id,
                c.article.slug,
                c.text,
                c.location,
                c.sectionAnchor,
                c.paragraph,
                c.startOffset,
                c.endOffset,
                c.supplement,
                c.outcome,
                c.outcomeText,
                c.stance,
                c.hedged,
                c.attribution,
                c.edited,
                citations.stream()
                        .map(ci -> new CitationView(
                                ci.id,
                                ci.source.id,
                                ci.citedText,
                                ci.startOffset,
                                ci.endOffset,
                                ci.design,
                                ci.population,
                                new CitationIdentifiers(ci.doi, ci.pmid, ci.pmcid, ci.nct, ci.url)))
                        .toList());
    }
}
