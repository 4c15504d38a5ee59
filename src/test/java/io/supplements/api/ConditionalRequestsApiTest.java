package io.supplements.api;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConditionalRequestsApiTest extends ApiTestSupport {

    static String createPublished() {
        String slug = uniqueSlug("cond");
        admin().contentType("application/json")
                .body(ArticlesApiTest.article(slug, "published"))
                .post("/v1/articles")
                .then()
                .statusCode(201);
        return slug;
    }

    @Test
    void aReadWithTheCurrentETagIs304WithoutABody() {
        String slug = createPublished();
        Response first = anonymous().get("/v1/articles/" + slug);
        first.then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .header("Last-Modified", notNullValue())
                .header("Cache-Control", equalTo("public, max-age=30, must-revalidate"));
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);

        anonymous()
                .header("If-None-Match", etag)
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(304)
                .body(emptyString())
                .header("ETag", equalTo(etag));
        anonymous()
                .header("If-None-Match", "\"something-else\"")
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200);

        String text = anonymous()
                .accept("text/plain")
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertNotEquals(etag, text, "each representation has its own strong ETag");
    }

    @Test
    void everyReadCarriesAnETag() {
        String slug = createPublished();
        long claim = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .extract()
                .jsonPath()
                .getLong("claims[0].id");
        for (String path : List.of(
                "/v1/articles",
                "/v1/articles/" + slug + "/sections",
                "/v1/articles/" + slug + "/sections/how-to-take-it",
                "/v1/claims/" + claim,
                "/v1/claims?limit=5",
                "/v1/sources?limit=5",
                "/v1/changes?limit=5")) {
            String etag = anonymous().get(path).then().statusCode(200).extract().header("ETag");
            assertNotNull(etag, path);
            anonymous().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
    }

    @Test
    void draftsAreNeverCachedByOthers() {
        String slug = uniqueSlug("private");
        admin().contentType("application/json")
                .body(ArticlesApiTest.article(slug, "draft"))
                .post("/v1/articles")
                .then()
                .statusCode(201);
        admin().get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"));
    }

    @Test
    void aWriteWithoutIfMatchIs428AndAStaleOneIs412AndNothingIsWritten() {
        String slug = createPublished();
        String stale = etag("/v1/articles/" + slug);
        adminIfMatch("/v1/articles/" + slug)
                .post("/v1/articles/" + slug + "/unpublish")
                .then()
                .statusCode(200);
        adminIfMatch("/v1/articles/" + slug)
                .post("/v1/articles/" + slug + "/publish")
                .then()
                .statusCode(200);
        int version =
                admin().get("/v1/articles/" + slug).then().extract().jsonPath().getInt("version");

        Map<String, Object> changed = new java.util.HashMap<>(ArticlesApiTest.article(slug, "published"));
        changed.put("title", "Changed");
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body(changed)
                .put("/v1/articles/" + slug)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON);
        admin().header("If-Match", stale)
                .contentType("application/json")
                .body(changed)
                .put("/v1/articles/" + slug)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/precondition-failed"));
        admin().header("If-Match", stale).delete("/v1/articles/" + slug).then().statusCode(412);

        anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .body("title", not(equalTo("Changed")))
                .body("version", equalTo(version));
    }

    @Test
    void theTextETagIsAcceptedToo() {
        String slug = createPublished();
        String textTag = anonymous()
                .accept("text/plain")
                .get("/v1/articles/" + slug)
                .then()
                .extract()
                .header("ETag");
        admin().header("If-Match", textTag)
                .post("/v1/articles/" + slug + "/unpublish")
                .then()
                .statusCode(200);
    }

    @Test
    void twoEditorsRacingOnOneVersionExactlyOneWins() throws Exception {
        String slug = createPublished();
        String etag = etag("/v1/articles/" + slug);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String title : List.of("Editor One", "Editor Two")) {
                Map<String, Object> body = new java.util.HashMap<>(ArticlesApiTest.article(slug, "published"));
                body.put("title", title);
                Callable<Integer> put = () -> {
                    start.await();
                    return admin().header("If-Match", etag)
                            .contentType("application/json")
                            .body(body)
                            .put("/v1/articles/" + slug)
                            .then()
                            .extract()
                            .statusCode();
                };
                results.add(pool.submit(put));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(30, TimeUnit.SECONDS));
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> now = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(2, now.get("version"), "one write, not two");
        assertTrue(List.of("Editor One", "Editor Two").contains(now.get("title")));
    }

    @Test
    void claimAndSourceWritesNeedTheirETagToo() {
        String slug = createPublished();
        long claim = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .extract()
                .jsonPath()
                .getLong("claims[0].id");
        Map<String, Object> judgement = Map.of("supplement", "melatonin", "stance", "uncertain", "hedged", true);
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body(judgement)
                .put("/v1/claims/" + claim)
                .then()
                .statusCode(428);
        String stale = etag("/v1/claims/" + claim);
        adminIfMatch("/v1/claims/" + claim)
                .contentType("application/json")
                .body(judgement)
                .put("/v1/claims/" + claim)
                .then()
                .statusCode(200);
        admin().header("If-Match", stale)
                .contentType("application/json")
                .body(judgement)
                .put("/v1/claims/" + claim)
                .then()
                .statusCode(412);
    }
}
