package io.supplements.claim;

import io.supplements.claim.extraction.ExtractedClaim;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rewriting an article's prose does to its claims, decided without touching the database: the rule that
 * keeps claim ids across rewrites. A sentence extraction finds again keeps the id of a stored claim with the same
 * text (in stored order when several share it); an editor's claim keeps its judgement, and stays wherever its
 * sentence still stands even when extraction no longer finds it; a sentence an editor rejected is not a claim
 * again; everything else is new, and a stored claim nothing matched is gone.
 */
public final class ClaimPlan {
    /** A stored claim, as much of it as the rule reads. */
    public record Stored(long id, String text, boolean edited, int start) {}

    /**
     * Where a claim goes. {@code stored} is null for a new claim; {@code extracted} is null for an editor's claim
     * kept only because its sentence is still there. {@code judged}: its supplement, outcome, stance and
     * citations come from {@code extracted} (a new claim, or a stored one no editor touched).
     */
    public record Placement(Stored stored, ExtractedClaim extracted, int prose, int start, int end, String text) {
        public boolean judged() {
            return extracted != null && (stored == null || !stored.edited());
        }

        /** How far an editor's claim moved within its paragraph: its citations move with it. */
        public int shift() {
            return stored != null && stored.edited() ? start - stored.start() : 0;
        }
    }

    /**
     * @param placements every claim the article has after the rewrite, in reading order (prose, then offset)
     * @param gone       stored claims that are no longer there
     * @param rejudged   stored claims judged afresh: their old citations go
     */
    public record Plan(List<Placement> placements, List<Long> gone, List<Long> rejudged) {}

    private ClaimPlan() {}

    /**
     * @param stored    the article's claims as stored, in their order
     * @param found     per prose paragraph, what extraction finds in it (misreadings already left out)
     * @param prose     the paragraphs' texts, in reading order
     * @param rejected  sentences an editor rejected
     */
    public static Plan of(
            List<Stored> stored, List<List<ExtractedClaim>> found, List<String> prose, Set<String> rejected) {
        Map<String, Deque<Stored>> byText = new HashMap<>();
        stored.forEach(
                c -> byText.computeIfAbsent(c.text(), k -> new ArrayDeque<>()).add(c));
        List<Placement> placements = new ArrayList<>();
        Set<Stored> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < found.size(); i++) {
            for (ExtractedClaim e : found.get(i)) {
                if (rejected.contains(e.text())) {
                    continue;
                }
                Deque<Stored> same = byText.get(e.text());
                Stored match = same == null ? null : same.poll();
                if (match != null) {
                    kept.add(match);
                }
                placements.add(new Placement(match, e, i, e.start(), e.end(), e.text()));
            }
        }
        for (Stored c : stored) {
            if (c.edited() && !kept.contains(c)) {
                for (int i = 0; i < prose.size(); i++) {
                    int start = prose.get(i).indexOf(c.text());
                    if (start >= 0) {
                        placements.add(new Placement(
                                c, null, i, start, start + c.text().length(), c.text()));
                        kept.add(c);
                        break;
                    }
                }
            }
        }
        placements.sort(Comparator.comparingInt(Placement::prose).thenComparingInt(Placement::start));
        List<Long> gone =
                stored.stream().filter(c -> !kept.contains(c)).map(Stored::id).toList();
        List<Long> rejudged = placements.stream()
                .filter(p -> p.stored() != null && p.judged())
                .map(p -> p.stored().id())
                .toList();
        return new Plan(List.copyOf(placements), gone, rejudged);
    }
}
