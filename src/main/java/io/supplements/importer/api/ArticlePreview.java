package io.supplements.importer.api;

import io.supplements.article.ArticleStatus;
import io.supplements.article.api.ArticleView;
import io.supplements.article.api.AuthorRef;
import io.supplements.article.api.RelatedResourcesView;
import io.supplements.article.api.SectionView;
import io.supplements.claim.api.ClaimView;
import io.supplements.claim.api.ClaimView.CitationView;
import io.supplements.source.api.SourceView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "What an import would create; nothing was kept. No article exists, so there is no id, version or "
                + "timestamp. Claims, citations and sources the import would create have negative ids that only link the parts of "
                + "this preview; a source that already exists has its real id.")
public record ArticlePreview(
        @Schema(required = true, examples = "kratom-for-muscle-soreness")
        String slug,

        @Schema(required = true) String title,
        @Schema(required = true) String summary,
        @Schema(required = true) String introduction,
        @Schema(required = true) List<SectionView> sections,
        @Schema(required = true) String conclusion,
        @Schema(required = true) List<ClaimView> claims,
        @Schema(required = true) List<SourceView> sources,
        @Schema(required = true) RelatedResourcesView relatedResources,
        @Schema(required = true) AuthorRef author,
        @Schema(required = true) List<String> topics,
        @Schema(required = true) ArticleStatus status) {

    /** @param existingSources the ids in {@code a} of sources that exist outside the rolled-back import */
    public static ArticlePreview of(ArticleView a, Set<Long> existingSources) {
        Map<Long, Long> provisional = new HashMap<>();
        LongUnaryOperator source = id ->
                existingSources.contains(id) ? id : provisional.computeIfAbsent(id, k -> -(provisional.size() + 1L));
        long[] citationIds = {0};
        List<ClaimView> claims = new java.util.ArrayList<>();
        for (ClaimView c : a.claims()) {
            List<CitationView> citations = c.citations().stream()
                    .map(ci -> new CitationView(
                            --citationIds[0],
                            source.applyAsLong(ci.sourceId()),
                            ci.text(),
                            ci.start(),
                            ci.end(),
                            ci.design(),
                            ci.population(),
                            ci.identifiers()))
                    .toList();
            claims.add(new ClaimView(
                    -(claims.size() + 1L),
                    c.article(),
                    c.text(),
                    c.location(),
                    c.sectionAnchor(),
                    c.paragraph(),
                    c.start(),
                    c.end(),
                    c.supplement(),
                    c.outcome(),
                    c.outcomeText(),
                    c.stance(),
                    c.hedged(),
                    c.attribution(),
                    c.edited(),
                    citations));
        }
        List<SourceView> sources = a.sources().stream()
                .map(s -> new SourceView(
                        source.applyAsLong(s.id()),
                        s.kind(),
                        s.name(),
                        s.url(),
                        s.year(),
                        s.description(),
                        s.type(),
                        s.doi(),
                        s.pmid(),
                        s.hasIdentifier()))
                .toList();
        RelatedResourcesView related = a.relatedResources() == null
                ? null
                : new RelatedResourcesView(
                        a.relatedResources().intro(),
                        a.relatedResources().items().stream()
                                .map(r -> new RelatedResourcesView.Item(
                                        source.applyAsLong(r.sourceId()), r.name(), r.type(), r.description(), r.url()))
                                .toList());
        return new ArticlePreview(
                a.slug(),
                a.title(),
                a.summary(),
                a.introduction(),
                a.sections(),
                a.conclusion(),
                claims,
                sources,
                related,
                a.author(),
                a.topics(),
                a.status());
    }
}
