package io.supplements.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory cache of published articles serves exactly what the database path serves, and never an old version. */
@QuarkusTest
class ArticleCacheApiTest extends ApiTestSupport {
    @Inject
    @io.quarkus.hibernate.orm.PersistenceUnitExtension
    RecordedStatements recorded;

    @Inject
    io.supplements.article.PublishedArticleCache cache;

    /** ORM statements run by the request, and not by the app's background threads meanwhile. */
    private long statements(Runnable request) {
        return recorded.during(request).size();
    }

    @Test
    void aCachedReadIsTheSameAnswerAsTheDatabaseReadAndCostsNoQuery() {
        String slug = TestArticles.create("published");
        String path = "/v1/articles/" + slug;
        Response first = anonymous().get(path);
        assertNull(cache.get("article:" + slug), "one miss is not kept");
        // Kept from its second miss on (PublishedArticleCache.admit); a drop racing a read that could make it
        // old rightly skips keeping it, so read until it is kept.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            anonymous().get(path).then().statusCode(200);
            return cache.get("article:" + slug) != null;
        });
        Response second = anonymous().get(path);
        Response keyed = admin().get(path); // never cached: always the database path
        for (Response r : List.of(first, second)) {
            r.then().statusCode(200);
            assertArrayEquals(keyed.asByteArray(), r.asByteArray(), "the same bytes");
            for (String header : List.of("ETag", "Last-Modified", "Content-Type")) {
                assertEquals(keyed.header(header), r.header(header), header);
            }
            assertEquals("public, max-age=30, must-revalidate", r.header("Cache-Control"));
        }
        assertEquals(headers(first), headers(second), "a hit sends every header a miss sends, and no other");
        assertEquals(0, statements(() -> anonymous().get(path).then().statusCode(200)), "a cached read runs no SQL");
        anonymous()
                .header("If-None-Match", first.header("ETag"))
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", first.header("ETag"));
        anonymous().accept("text/plain").get(path).then().statusCode(200).contentType(TEXT); // negotiated the usual way
    }

    @Test
    void aCachedRevalidationIsTheSameAnswerAsTheDatabaseRevalidation() {
        String path = "/v1/articles/" + TestArticles.create("published");
        String etag = admin().get(path).header("ETag");
        Response miss = anonymous().header("If-None-Match", etag).get(path);
        anonymous().header("If-None-Match", etag).get(path).then().statusCode(304); // now kept
        Response hit = anonymous().header("If-None-Match", etag).get(path);
        miss.then().statusCode(304);
        hit.then().statusCode(304);
        assertEquals(headers(miss), headers(hit));
        assertEquals(
                0,
                statements(() -> anonymous()
                        .header("If-None-Match", etag)
                        .get(path)
                        .then()
                        .statusCode(304)),
                "a cached revalidation runs no SQL");
    }

    /** Every header as spelled, in a fixed order. */
    /**
     * Name and value of every header; of RateLimit, which counts down from one answer to the next, and of
     * content-length, which depends on the gzip compressor that made the body (compared decoded), the form only.
     */
    private static List<String> headers(Response response) {
        return response.headers().asList().stream()
                .map(h -> h.getName() + ": "
                        + (h.getName().equals("RateLimit") || h.getName().equalsIgnoreCase("content-length")
                                ? h.getValue().replaceAll("\\d+", "N")
                                : h.getValue()))
                .sorted()
                .toList();
    }

    @Test
    void everyWriteIsSeenByTheNextRead() {
        String slug = TestArticles.create("published");
        String path = "/v1/articles/" + slug;
        anonymous().get(path).then().body("version", equalTo(1));
        anonymous().get(path).then().body("version", equalTo(1));

        adminIfMatch(path)
                .contentType(TEXT)
                .body(("Kratom may ease pain, but its risks are debated.\nMany readers ask what kratom does.\n"
                                + "- What Kratom Is\nWhat Kratom Is\nKratom is a tropical tree.\nAsk a doctor first.")
                        .getBytes(StandardCharsets.UTF_8))
                .put(path)
                .then()
                .statusCode(200);
        anonymous()
                .get(path)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("conclusion", equalTo("Ask a doctor first."));

        adminIfMatch(path).post(path + "/unpublish").then().statusCode(200);
        anonymous().get(path).then().statusCode(404);
    }

    @Test
    void renamingASourceIsSeenInTheArticlesCitingIt() {
        String url = "https://example.org/" + uniqueSlug("cached");
        String slug = uniqueSlug("cached");
        String text = String.join(
                "\n",
                "Kratom may ease pain, but its risks are debated.",
                "Many readers ask what kratom does.",
                "- What Kratom Is",
                "What Kratom Is",
                "Kratom is a tropical tree.",
                "Ask a doctor first.",
                "Related Resources",
                "Further reading:",
                "- Cached Guide (Website): [A guide] \u2013 " + url);
        admin().contentType(TEXT)
                .body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("slug", slug)
                .queryParam("status", "published")
                .post("/v1/imports")
                .then()
                .statusCode(201);
        String path = "/v1/articles/" + slug;
        long sourceId = anonymous()
                .get(path)
                .then()
                .extract()
                .jsonPath()
                .getLong("sources.find { it.url == '" + url + "' }.id");
        anonymous().get(path).then().statusCode(200);

        adminIfMatch("/v1/sources/" + sourceId)
                .contentType("application/json")
                .body(Map.of("kind", "web", "name", "The Renamed Guide", "url", url))
                .put("/v1/sources/" + sourceId)
                .then()
                .statusCode(200);
        anonymous()
                .get(path)
                .then()
                .body("sources.find { it.id == " + sourceId + " }.name", equalTo("The Renamed Guide"));
    }

    @Test
    void cachedListAndFeedPagesAreTheSameAnswerAndSeeEveryChange() {
        TestArticles.create("published");
        Response first = anonymous().queryParam("limit", 1).get("/v1/articles");
        anonymous().queryParam("limit", 1).get("/v1/articles").then().statusCode(200); // missed a second time: now kept
        Response second = anonymous().queryParam("limit", 1).get("/v1/articles");
        assertArrayEquals(first.asByteArray(), second.asByteArray());
        assertEquals(headers(first), headers(second));
        assertEquals(
                0,
                statements(() -> anonymous()
                        .queryParam("limit", 1)
                        .get("/v1/articles")
                        .then()
                        .statusCode(200)),
                "a cached page runs no SQL");

        String created = TestArticles.create("published");
        anonymous().queryParam("limit", 1).get("/v1/articles").then().body("items[0].slug", equalTo(created));

        TestArticles.Mirror mirror = new TestArticles.Mirror();
        mirror.sync();
        String atHead = mirror.cursor;
        anonymous().queryParam("cursor", atHead).get("/v1/changes").then().body("items.size()", equalTo(0));
        anonymous().queryParam("cursor", atHead).get("/v1/changes").then().body("items.size()", equalTo(0));
        String next = TestArticles.create("published");
        anonymous()
                .queryParam("cursor", atHead)
                .get("/v1/changes")
                .then()
                .body("items.slug", org.hamcrest.Matchers.hasItem(next));
    }

    @Test
    void aPageIsKeptByTheParametersItTakesAndAMadeUpOneIsRefused() {
        TestArticles.create("published");
        String page = "/v1/articles?limit=3&topic=kratom";
        String reordered = "/v1/articles?topic=kratom&limit=3";
        // Kept from its second miss on; any write elsewhere drops every page, so read until one read of the page in
        // the other order is served from what the first order left.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            anonymous().get(page).then().statusCode(200);
            byte[] kept = anonymous().get(page).asByteArray();
            return statements(() ->
                            assertArrayEquals(kept, anonymous().get(reordered).asByteArray()))
                    == 0;
        });

        // Each of these would otherwise be a page of its own, pushing the ones readers want out of the cache.
        Map<String, String> madeUp = Map.of(
                "/v1/articles?limit=3&topic=kratom&x=1",
                "x",
                "/v1/articles?nocache=2",
                "nocache",
                "/v1/changes?since=3",
                "since");
        madeUp.forEach((made, parameter) -> anonymous()
                .get(made)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", org.hamcrest.Matchers.endsWith("invalid-parameter"))
                .body("errors[0].parameter", equalTo(parameter)));
        String slug = TestArticles.create("published");
        anonymous().get("/v1/articles/" + slug).then().statusCode(200);
        anonymous()
                .get("/v1/articles/" + slug + "?v=2")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("v"));
        // A misspelt flag is caught before it does what it was meant to prevent: this is no dry run.
        admin().contentType(TEXT)
                .body("Summary.\nIntro.\n- A\nA\nText about kratom.\nEnd.")
                .queryParam("slug", "never-" + slug)
                .queryParam("dryrun", "true")
                .post("/v1/imports")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("dryrun"));
        admin().get("/v1/articles/never-" + slug).then().statusCode(404);
    }
}
