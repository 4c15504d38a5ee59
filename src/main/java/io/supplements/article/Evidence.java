package io.supplements.article;

import io.supplements.article.api.EvidenceReport;
import io.supplements.article.api.EvidenceReport.AttributionShares;
import io.supplements.article.api.EvidenceReport.Attributions;
import io.supplements.article.api.EvidenceReport.SourceKinds;
import io.supplements.article.api.EvidenceReport.Stances;
import io.supplements.claim.Citation;
import io.supplements.claim.Claim;
import io.supplements.claim.extraction.Attribution;
import io.supplements.claim.extraction.SourceKind;
import io.supplements.claim.extraction.Stance;
import io.supplements.source.Source;
import io.supplements.source.SourceMapper;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/** The evidence report of one article, computed from its loaded tree. */
final class Evidence {
    private Evidence() {}

    static EvidenceReport of(ArticleTree t) {
        List<Claim> claims = t.claims();
        Collection<Source> sources = ArticleMapper.sourcesOf(t);
        int cited = count(claims, c -> c.attribution == Attribution.cited);
        int vague = count(claims, c -> c.attribution == Attribution.vague);
        int none = count(claims, c -> c.attribution == Attribution.none);
        return new EvidenceReport(
                t.article().slug,
                t.article().version,
                claims.size(),
                new Attributions(cited, vague, none),
                new AttributionShares(
                        share(cited, claims.size()), share(vague, claims.size()), share(none, claims.size())),
                new Stances(
                        count(claims, c -> c.stance == Stance.asserts),
                        count(claims, c -> c.stance == Stance.denies),
                        count(claims, c -> c.stance == Stance.uncertain)),
                share(count(claims, c -> c.hedged), claims.size()),
                new SourceKinds(
                        count(sources, s -> s.kind == SourceKind.journal),
                        count(sources, s -> s.kind == SourceKind.web),
                        count(sources, s -> s.kind == SourceKind.organization),
                        count(sources, s -> s.kind == SourceKind.author),
                        count(sources, s -> s.kind == SourceKind.document)),
                sources.stream()
                        .map(SourceMapper::toView)
                        .filter(s -> !s.hasIdentifier())
                        .toList(),
                share(
                        count(
                                claims,
                                c -> onlyAnimalOrCellEvidence(
                                        t.citationsByClaim().getOrDefault(c.id, List.of()))),
                        cited));
    }

    /** Cited, and every citation studied animals or cells: a mouse study is not evidence about people. */
    private static boolean onlyAnimalOrCellEvidence(List<Citation> citations) {
        return !citations.isEmpty()
                && citations.stream().allMatch(c -> "animals".equals(c.population) || "cells".equals(c.population));
    }

    private static <T> int count(Collection<T> items, Predicate<T> test) {
        return (int) items.stream().filter(test).count();
    }

    /** Rounded to 4 decimals so that a dashboard shows 0.3333, not 0.33333333333333331. */
    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
    }
}
