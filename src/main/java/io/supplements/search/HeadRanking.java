package io.supplements.search;

import io.supplements.search.ArticleSearch.Hit;
import io.supplements.search.HeadTerms.Postings;
import java.util.List;

/**
 * The articles naming a query's words up front, in the order of the ranking ({@link ArticleSearch}):
 * by the sum of the weights of the query words each holds in its title or summary, then newest
 * (highest id) first. Pure: the postings of each query word (sorted by id) in, the ranked candidates
 * out, in time linear in the postings (scores are small integers, so they are bucketed, not sorted).
 */
final class HeadRanking {

    /** Candidates in rank order; {@code full[i]} when the article holds every query word up front. */
    record Ranked(long[] ids, int[] scores, boolean[] full, int size) {
        Hit hit(int i) {
            return new Hit(ids[i], scores[i]);
        }
    }

    private HeadRanking() {}

    /**
     * @param words the postings of each query word
     * @param published the sorted ids of the articles that may be served
     * @param topic the sorted ids of the articles of the topic asked for, or null for any topic
     * @param after the last hit of the previous page, or null
     */
    static Ranked rank(List<Postings> words, long[] published, long[] topic, Hit after) {
        int k = words.size();
        int total = words.stream().mapToInt(p -> p.ids().length).sum();
        long[] ids = new long[total];
        int[] scores = new int[total];
        boolean[] full = new boolean[total];
        int[] at = new int[k];
        int n = 0;
        int inTopic = 0;
        int inPublished = 0;
        int maxScore = 0;
        while (true) {
            long id = Long.MAX_VALUE;
            for (int w = 0; w < k; w++) {
                long[] p = words.get(w).ids();
                if (at[w] < p.length && p[at[w]] < id) {
                    id = p[at[w]];
                }
            }
            if (id == Long.MAX_VALUE) {
                break;
            }
            int score = 0;
            int held = 0;
            for (int w = 0; w < k; w++) {
                Postings p = words.get(w);
                if (at[w] < p.ids().length && p.ids()[at[w]] == id) {
                    score += p.weights()[at[w]];
                    held++;
                    at[w]++;
                }
            }
            while (inPublished < published.length && published[inPublished] < id) {
                inPublished++;
            }
            if (inPublished == published.length || published[inPublished] != id) {
                continue;
            }
            if (topic != null) {
                while (inTopic < topic.length && topic[inTopic] < id) {
                    inTopic++;
                }
                if (inTopic == topic.length || topic[inTopic] != id) {
                    continue;
                }
            }
            if (after != null && !(score < after.score() || score == after.score() && id < after.id())) {
                continue;
            }
            ids[n] = id;
            scores[n] = score;
            full[n] = held == k;
            maxScore = Math.max(maxScore, score);
            n++;
        }
        // Bucket by score, highest first; within a score, the ids (ascending so far) highest first.
        int[] start = new int[maxScore + 2];
        for (int i = 0; i < n; i++) {
            start[maxScore - scores[i] + 1]++;
        }
        for (int b = 1; b < start.length; b++) {
            start[b] += start[b - 1];
        }
        long[] rankedIds = new long[n];
        int[] rankedScores = new int[n];
        boolean[] rankedFull = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            int slot = start[maxScore - scores[i]]++;
            rankedIds[slot] = ids[i];
            rankedScores[slot] = scores[i];
            rankedFull[slot] = full[i];
        }
        return new Ranked(rankedIds, rankedScores, rankedFull, n);
    }
}
