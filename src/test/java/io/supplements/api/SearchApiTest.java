package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Search ranking against its definition ({@code search.ArticleSearch}): the sum over the query words of
 * 5 for a word in the title, else 2 in the summary, else 0; then newest first; only articles holding
 * every word somewhere. Anonymous searches on PostgreSQL rank in memory (search.HeadTerms) and keyed
 * ones in SQL, so both are compared with the ranking computed here from where each word was put.
 */
@QuarkusTest
class SearchApiTest extends ApiTestSupport {

    /** Where a word is put in an article. */
    private enum Place {
        TITLE,
        SUMMARY,
        PROSE,
        NONE
    }

    private record Made(String slug, int order, Map<String, Place> places, boolean published, String topic) {
        int score(List<String> words) {
            return words.stream()
                    .mapToInt(w -> places.get(w) == Place.TITLE ? 5 : places.get(w) == Place.SUMMARY ? 2 : 0)
                    .sum();
        }

        boolean matches(List<String> words) {
            return words.stream().noneMatch(w -> places.get(w) == Place.NONE);
        }
    }

    private static String word(String prefix) {
        return prefix + uniqueSlug("w").substring(2).replaceAll("[^a-z]", "q");
    }

    private static Map<String, Object> article(String slug, Map<String, Place> places, String status, String topic) {
        Function<Place, String> in = place -> places.entrySet().stream()
                .filter(e -> e.getValue() == place)
                .map(Map.Entry::getKey)
                .reduce("", (a, b) -> a + " " + b);
        Map<String, Object> a = new HashMap<>(ArticlesApiTest.article(slug, status));
        a.put("title", "Notes" + in.apply(Place.TITLE));
        a.put("summary", "A summary" + in.apply(Place.SUMMARY) + ".");
        a.put("conclusion", "In the end" + in.apply(Place.PROSE) + ".");
        a.put("topics", List.of(topic));
        return a;
    }

    private static List<String> walk(Supplier<RequestSpecification> caller, String q, String topic, int limit) {
        List<String> served = new ArrayList<>();
        String cursor = null;
        do {
            var page = caller.get().queryParam("q", q).queryParam("limit", limit);
            if (topic != null) {
                page = page.queryParam("topic", topic);
            }
            if (cursor != null) {
                page = page.queryParam("cursor", cursor);
            }
            var json = page.get("/v1/articles").then().statusCode(200).extract().jsonPath();
            served.addAll(json.getList("items.slug"));
            cursor = json.getString("next");
        } while (cursor != null);
        return served;
    }

    @Test
    void anonymousAndKeyedSearchesFollowTheRankingThroughEveryPage() {
        Random random = new Random(7);
        String a = word("aardvark");
        String b = word("bison");
        String topicA = uniqueSlug("topic");
        String topicB = uniqueSlug("topic");
        List<Made> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Place> places =
                    Map.of(a, Place.values()[random.nextInt(4)], b, Place.values()[random.nextInt(4)]);
            boolean published = random.nextInt(5) > 0;
            String topic = random.nextBoolean() ? topicA : topicB;
            String slug = uniqueSlug("search");
            admin().contentType("application/json")
                    .body(article(slug, places, published ? "published" : "draft", topic))
                    .post("/v1/articles")
                    .then()
                    .statusCode(201);
            made.add(new Made(slug, i, places, published, topic));
        }
        for (List<String> words : List.of(List.of(a), List.of(b), List.of(a, b), List.of(b, a))) {
            for (String topic : new String[] {null, topicA}) {
                List<Made> found = made.stream()
                        .filter(m -> m.matches(words))
                        .filter(m -> topic == null || m.topic().equals(topic))
                        .sorted(Comparator.comparing((Made m) -> -m.score(words))
                                .thenComparing(m -> -m.order()))
                        .toList();
                List<String> everyStatus = found.stream().map(Made::slug).toList();
                List<String> published =
                        found.stream().filter(Made::published).map(Made::slug).toList();
                String q = String.join(" ", words);
                for (int limit : new int[] {1, 4, 100}) {
                    assertEquals(
                            published,
                            walk(ApiTestSupport::anonymous, q, topic, limit),
                            q + ", topic " + topic + ", anonymous, limit " + limit);
                    assertEquals(
                            everyStatus,
                            walk(ApiTestSupport::admin, q, topic, limit),
                            q + ", topic " + topic + ", keyed, limit " + limit);
                }
            }
        }
    }

    /** Answers may come from memory or a cache, but never from before a commit that changed them. */
    @Test
    void aSearchReflectsEveryCommitBeforeItEvenWhenItsAnswerWasKept() {
        String w = word("capybara");
        String older = uniqueSlug("search");
        admin().contentType("application/json")
                .body(article(older, Map.of(w, Place.SUMMARY), "published", "kept"))
                .post("/v1/articles")
                .then()
                .statusCode(201);
        for (int i = 0; i < 3; i++) { // kept in memory, and the page in the cache from its second miss on
            assertEquals(List.of(older), walk(ApiTestSupport::anonymous, w, null, 20));
        }
        String newer = uniqueSlug("search");
        admin().contentType("application/json")
                .body(article(newer, Map.of(w, Place.TITLE), "draft", "kept"))
                .post("/v1/articles")
                .then()
                .statusCode(201);
        assertEquals(List.of(older), walk(ApiTestSupport::anonymous, w, null, 20), "a draft is not found");
        adminIfMatch("/v1/articles/" + newer)
                .post("/v1/articles/" + newer + "/publish")
                .then()
                .statusCode(200);
        assertEquals(
                List.of(newer, older),
                walk(ApiTestSupport::anonymous, w, null, 20),
                "found as soon as it is published");
        assertEquals(List.of(newer, older), walk(ApiTestSupport::anonymous, w, "kept", 20));
        adminIfMatch("/v1/articles/" + older)
                .post("/v1/articles/" + older + "/unpublish")
                .then()
                .statusCode(200);
        assertEquals(List.of(newer), walk(ApiTestSupport::anonymous, w, null, 20), "gone as soon as it is unpublished");
        Map<String, Object> renamed = article(newer, Map.of(w, Place.NONE), "published", "kept");
        adminIfMatch("/v1/articles/" + newer)
                .contentType("application/json")
                .body(renamed)
                .put("/v1/articles/" + newer)
                .then()
                .statusCode(200);
        assertEquals(List.of(), walk(ApiTestSupport::anonymous, w, null, 20), "not found once the word is gone");
    }
}
