package io.supplements.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplements.claim.ClaimPlan.Placement;
import io.supplements.claim.ClaimPlan.Plan;
import io.supplements.claim.ClaimPlan.Stored;
import io.supplements.claim.extraction.Attribution;
import io.supplements.claim.extraction.ExtractedClaim;
import io.supplements.claim.extraction.Stance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimPlanTest {
    private static final String A = "Kratom eases pain.";
    private static final String B = "Kratom may cause nausea.";
    private static final String C = "Kratom improves mood.";

    /** What extraction finds in each paragraph: every listed sentence, at its place in that paragraph. */
    private static List<List<ExtractedClaim>> found(List<String> prose, List<List<String>> sentences) {
        List<List<ExtractedClaim>> found = new ArrayList<>();
        for (int i = 0; i < prose.size(); i++) {
            List<ExtractedClaim> inParagraph = new ArrayList<>();
            int from = 0;
            for (String s : sentences.get(i)) {
                int start = prose.get(i).indexOf(s, from);
                inParagraph.add(new ExtractedClaim(
                        s,
                        start,
                        start + s.length(),
                        "kratom",
                        null,
                        null,
                        Stance.asserts,
                        false,
                        Attribution.none,
                        List.of()));
                from = start + s.length();
            }
            found.add(inParagraph);
        }
        return found;
    }

    private static List<Long> ids(Plan plan) {
        return plan.placements().stream()
                .map(p -> p.stored() == null ? null : p.stored().id())
                .toList();
    }

    @Test
    void aSentenceFoundAgainKeepsItsIdAndANewOneHasNone() {
        List<String> prose = List.of(C + " " + A);
        Plan plan = ClaimPlan.of(
                List.of(new Stored(7, A, false, 0), new Stored(8, B, false, 19)),
                found(prose, List.of(List.of(C, A))),
                prose,
                Set.of());
        assertEquals(java.util.Arrays.asList(null, 7L), ids(plan), "in reading order: the new claim first");
        assertEquals(List.of(8L), plan.gone());
        assertEquals(List.of(7L), plan.rejudged(), "no editor touched it: judged afresh, its citations too");
        assertTrue(plan.placements().get(0).judged());
        assertEquals(C.length() + 1, plan.placements().get(1).start());
    }

    @Test
    void repeatedSentencesTakeTheStoredIdsInTheirOrder() {
        List<String> prose = List.of(A, A);
        Plan plan = ClaimPlan.of(
                List.of(new Stored(3, A, false, 0), new Stored(4, A, false, 0)),
                found(prose, List.of(List.of(A), List.of(A))),
                prose,
                Set.of());
        assertEquals(List.of(3L, 4L), ids(plan));
        assertEquals(List.of(), plan.gone());
    }

    @Test
    void anEditorsClaimKeepsItsJudgementAndItsCitationsMoveWithIt() {
        String before = "Intro. ";
        List<String> prose = List.of(before + A);
        Plan plan =
                ClaimPlan.of(List.of(new Stored(5, A, true, 0)), found(prose, List.of(List.of(A))), prose, Set.of());
        Placement p = plan.placements().get(0);
        assertEquals(5L, p.stored().id());
        assertFalse(p.judged(), "an editor's judgement stays");
        assertEquals(before.length(), p.shift(), "its citations move as far as its sentence did");
        assertEquals(List.of(), plan.rejudged());
    }

    @Test
    void anEditorsClaimExtractionNoLongerFindsStaysWhereItsSentenceStands() {
        List<String> prose = List.of(B, "Now: " + C);
        Plan plan = ClaimPlan.of(
                List.of(new Stored(9, C, true, 0)), found(prose, List.of(List.of(B), List.of())), prose, Set.of());
        assertEquals(java.util.Arrays.asList(null, 9L), ids(plan));
        Placement kept = plan.placements().get(1);
        assertNull(kept.extracted());
        assertEquals(1, kept.prose());
        assertEquals(5, kept.start());
        assertEquals(5, kept.shift());
        assertEquals(List.of(), plan.gone());
    }

    @Test
    void anEditorsClaimWhoseSentenceIsGoneGoesAndARejectedSentenceIsNoClaimAgain() {
        List<String> prose = List.of(A + " " + B);
        Plan plan = ClaimPlan.of(
                List.of(new Stored(1, C, true, 0)), found(prose, List.of(List.of(A, B))), prose, Set.of(B));
        assertEquals(java.util.Arrays.asList((Long) null), ids(plan), "only A: B was rejected");
        assertEquals(A, plan.placements().get(0).text());
        assertEquals(List.of(1L), plan.gone());
    }
}
