package io.supplements.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.supplements.search.ArticleSearch.Hit;
import io.supplements.search.HeadTerms.Postings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HeadRankingTest {
    private static final long[] ALL = java.util.stream.LongStream.range(0, 100).toArray();

    private static Postings postings(long[][] idAndWeight) {
        long[] ids = new long[idAndWeight.length];
        byte[] weights = new byte[idAndWeight.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idAndWeight[i][0];
            weights[i] = (byte) idAndWeight[i][1];
        }
        return new Postings(ids, weights);
    }

    private static List<String> served(HeadRanking.Ranked r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            out.add(r.ids()[i] + ":" + r.scores()[i] + (r.full()[i] ? "*" : ""));
        }
        return out;
    }

    @Test
    void ranksBySummedWeightThenNewestAndMarksArticlesHoldingEveryWord() {
        Postings hair = postings(new long[][] {{1, 5}, {2, 2}, {4, 5}, {7, 2}});
        Postings loss = postings(new long[][] {{2, 5}, {3, 2}, {4, 2}});
        HeadRanking.Ranked r = HeadRanking.rank(List.of(hair, loss), ALL, null, null);
        // 2 and 4 hold both words (7 each: newest first); 1 holds hair in its title; 7 and 3 one summary word each.
        assertEquals(List.of("4:7*", "2:7*", "1:5", "7:2", "3:2"), served(r));
    }

    @Test
    void leavesOutWhatIsNotPublished() {
        Postings word = postings(new long[][] {{1, 5}, {2, 2}, {3, 5}});
        assertEquals(
                List.of("3:5*", "2:2*"), served(HeadRanking.rank(List.of(word), new long[] {0, 2, 3, 4}, null, null)));
        assertEquals(List.of(), served(HeadRanking.rank(List.of(word), new long[0], null, null)));
    }

    @Test
    void keepsOnlyTheTopicsArticlesAndWhatComesAfterTheCursor() {
        Postings word = postings(new long[][] {{1, 5}, {2, 2}, {3, 5}, {5, 5}, {8, 2}});
        long[] topic = {2, 3, 5, 8, 9};
        assertEquals(
                List.of("5:5*", "3:5*", "8:2*", "2:2*"), served(HeadRanking.rank(List.of(word), ALL, topic, null)));
        assertEquals(
                List.of("3:5*", "8:2*", "2:2*"), served(HeadRanking.rank(List.of(word), ALL, topic, new Hit(5, 5))));
        assertEquals(List.of("2:2*"), served(HeadRanking.rank(List.of(word), ALL, topic, new Hit(8, 2))));
        assertEquals(List.of(), served(HeadRanking.rank(List.of(word), ALL, new long[0], null)));
    }

    /** Against a plain sort of the same candidates, on random postings. */
    @Test
    void agreesWithSortingOnRandomPostings() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int k = 1 + random.nextInt(4);
            List<Postings> words = new ArrayList<>();
            Map<Long, int[]> expected = new HashMap<>(); // id -> {score, held}
            for (int w = 0; w < k; w++) {
                TreeMap<Long, Integer> rows = new TreeMap<>();
                for (int i = random.nextInt(40); i > 0; i--) {
                    rows.put(
                            (long) random.nextInt(60),
                            random.nextBoolean() ? ArticleSearch.TITLE : ArticleSearch.SUMMARY);
                }
                long[][] pairs = rows.entrySet().stream()
                        .map(e -> new long[] {e.getKey(), e.getValue()})
                        .toArray(long[][]::new);
                words.add(postings(pairs));
                rows.forEach((id, weight) -> {
                    int[] s = expected.computeIfAbsent(id, x -> new int[2]);
                    s[0] += weight;
                    s[1]++;
                });
            }
            long[] topic = random.nextBoolean()
                    ? null
                    : random.longs(30, 0, 60).distinct().sorted().toArray();
            long[] published = random.longs(50, 0, 60).distinct().sorted().toArray();
            Hit after = random.nextBoolean()
                    ? null
                    : new Hit(random.nextInt(60), 1 + random.nextInt(4 * ArticleSearch.TITLE));
            final int kk = k;
            List<String> want = expected.entrySet().stream()
                    .filter(e -> java.util.Arrays.binarySearch(published, e.getKey()) >= 0)
                    .filter(e -> topic == null || java.util.Arrays.binarySearch(topic, e.getKey()) >= 0)
                    .filter(e -> after == null
                            || e.getValue()[0] < after.score()
                            || e.getValue()[0] == after.score() && e.getKey() < after.id())
                    .sorted(Comparator.comparing((Map.Entry<Long, int[]> e) -> -e.getValue()[0])
                            .thenComparing(e -> -e.getKey()))
                    .map(e -> e.getKey() + ":" + e.getValue()[0] + (e.getValue()[1] == kk ? "*" : ""))
                    .toList();
            assertEquals(want, served(HeadRanking.rank(words, published, topic, after)), "round " + round);
        }
    }
}
