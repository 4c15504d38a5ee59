package io.supplements.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.supplements.article.ArticleDraft;
import io.supplements.article.ArticleService;
import io.supplements.article.ArticleStatus;
import io.supplements.seedtext.SeedTextParser;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeFeedApiTest extends ApiTestSupport {

    @Inject
    ArticleService articles;

    @Test
    void aMirrorThatAppliesTheFeedHoldsExactlyThePublishedContent() {
        TestArticles.Mirror mirror = new TestArticles.Mirror();
        mirror.sync();
        assertEquals(TestArticles.published(), mirror.articles, "a full snapshot from no cursor");

        String updated = TestArticles.create("published");
        String unpublished = TestArticles.create("published");
        String deleted = TestArticles.create("published");
        String draft = TestArticles.create("draft");
        mirror.sync();
        adminIfMatch("/v1/articles/" + updated)
                .contentType(ApiTestSupport.TEXT)
                .body((TestArticles.TEXT + "\nAnother paragraph about kratom leaves.")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/v1/articles/" + updated)
                .then()
                .statusCode(200);
        adminIfMatch("/v1/articles/" + unpublished)
                .post("/v1/articles/" + unpublished + "/unpublish")
                .then()
                .statusCode(200);
        adminIfMatch("/v1/articles/" + deleted)
                .delete("/v1/articles/" + deleted)
                .then()
                .statusCode(204);
        adminIfMatch("/v1/articles/" + draft)
                .post("/v1/articles/" + draft + "/publish")
                .then()
                .statusCode(200);

        List<Map<String, Object>> seen = mirror.sync();
        assertEquals(TestArticles.published(), mirror.articles, "resumed from the saved cursor");
        assertTrue(
                seen.stream()
                        .anyMatch(i ->
                                i.get("slug").equals(unpublished) && i.get("op").equals("delete")),
                "unpublish is a tombstone");
        assertTrue(
                seen.stream()
                        .anyMatch(i -> i.get("slug").equals(deleted)
                                && i.get("op").equals("delete")
                                && ((Number) i.get("version")).intValue() == 2),
                "delete is a tombstone newer than the upsert it removes");
        assertTrue(seen.stream()
                .anyMatch(i -> i.get("slug").equals(updated) && ((Number) i.get("version")).intValue() == 2));
    }

    @Test
    void draftsNeverAppearInTheFeed() {
        TestArticles.Mirror mirror = new TestArticles.Mirror();
        mirror.sync();
        String draft = TestArticles.create("draft");
        adminIfMatch("/v1/articles/" + draft)
                .contentType(ApiTestSupport.TEXT)
                .body((TestArticles.TEXT + "\nMore.").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/v1/articles/" + draft)
                .then()
                .statusCode(200);
        adminIfMatch("/v1/articles/" + draft)
                .delete("/v1/articles/" + draft)
                .then()
                .statusCode(204);
        assertFalse(
                mirror.sync().stream().anyMatch(i -> i.get("slug").equals(draft)), "a draft's life leaves no trace");
    }

    @Test
    void reapplyingAPageAfterACrashEndsInTheSameState() {
        TestArticles.Mirror mirror = new TestArticles.Mirror();
        mirror.sync();
        String before = mirror.cursor;
        TestArticles.create("published");
        TestArticles.create("published");
        mirror.sync();
        Map<Long, Map<String, Object>> state = new HashMap<>(mirror.articles);
        // The client crashed before saving its cursor: it resumes from the previous one and applies again.
        mirror.cursor = before;
        mirror.sync();
        assertEquals(state, mirror.articles);
        assertEquals(TestArticles.published(), mirror.articles);
    }

    @Test
    void anUnknownCursorIs410TellingTheClientToStartAgain() {
        for (String cursor : List.of(
                "junk!", "ZjE6MDox", java.util.Base64.getUrlEncoder().encodeToString("f1:1:99999999".getBytes()))) {
            anonymous()
                    .queryParam("cursor", cursor)
                    .get("/v1/changes")
                    .then()
                    .statusCode(410)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("/problems/cursor-expired"))
                    .body("detail", containsString("without a cursor"));
        }
        invalidRequest().queryParam("limit", 101).get("/v1/changes").then().statusCode(400);
    }

    @Test
    void aWriterNumberedAfterAnUncommittedOneWaitsForItSoNoEntryIsSkipped() throws Exception {
        TestArticles.Mirror mirror = new TestArticles.Mirror();
        mirror.sync();
        String slugA = uniqueSlug("early");
        String slugB = uniqueSlug("late");
        CountDownLatch aWrote = new CountDownLatch(1);
        CountDownLatch aMayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // A writes (its entry numbered), then waits before committing.
            Future<?> a = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                articles.create(new ArticleDraft(
                        slugA, "Early", List.of(), ArticleStatus.published, SeedTextParser.parse(TestArticles.TEXT)));
                aWrote.countDown();
                try {
                    assertTrue(aMayCommit.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(aWrote.await(30, TimeUnit.SECONDS));
            // B writes meanwhile; a client reads the feed and saves its cursor: it sees neither, as neither committed.
            Future<?> b = pool.submit(() -> admin().contentType(TEXT)
                    .body(TestArticles.TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .queryParam("slug", slugB)
                    .queryParam("status", "published")
                    .post("/v1/imports")
                    .then()
                    .statusCode(201));
            List<Map<String, Object>> first = mirror.sync();
            assertFalse(
                    first.stream()
                            .anyMatch(i ->
                                    i.get("slug").equals(slugA) || i.get("slug").equals(slugB)),
                    "nothing committed yet");
            // A commits, then B; the client resumes from its cursor and sees both, A first.
            aMayCommit.countDown();
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
            List<String> second =
                    mirror.sync().stream().map(i -> (String) i.get("slug")).toList();
            assertTrue(
                    second.indexOf(slugA) >= 0 && second.indexOf(slugA) < second.indexOf(slugB),
                    "A, then B: " + second);
            assertEquals(TestArticles.published(), mirror.articles);
        } finally {
            aMayCommit.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aPageWithMoreToComeLinksToTheNextOne() {
        TestArticles.create("published");
        TestArticles.create("published");
        JsonPath page = anonymous()
                .queryParam("limit", 1)
                .get("/v1/changes")
                .then()
                .statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .extract()
                .jsonPath();
        assertTrue(page.getBoolean("hasMore"));
        assertNotNull(page.getString("next"));
    }

    /** An article listing one web resource and written by one author, imported with the given wording. */
    private static String createWith(String status, String resourceName, String url, String authorBio) {
        String slug = uniqueSlug("shared");
        String text = String.join(
                "\n",
                TestArticles.TEXT,
                "Related Resources",
                "Further reading:",
                "- " + resourceName + " (Website): [A plain guide] \u2013 " + url,
                "About the Author",
                authorBio);
        admin().contentType(TEXT)
                .body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("slug", slug)
                .queryParam("status", status)
                .post("/v1/imports")
                .then()
                .statusCode(201);
        return slug;
    }

    private static String randomName() {
        return "Feedtest" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    @Test
    void renamingASharedSourceIsAChangeToEveryPublishedArticleCitingIt() {
        String url = "https://example.org/" + uniqueSlug("guide");
        String bio = "Dana " + randomName() + " writes about supplements.";
        String first = createWith("published", "Kratom Guide", url, bio);
        String second = createWith("published", "Kratom Guide", url, bio);
        String draft = createWith("draft", "Kratom Guide", url, bio);
        TestArticles.Mirror mirror = new TestArticles.Mirror();
        mirror.sync();
        long sourceId = anonymous()
                .get("/v1/articles/" + first)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("sources.find { it.url == '" + url + "' }.id");
        long draftVersion =
                admin().get("/v1/articles/" + draft).then().extract().jsonPath().getLong("version");

        adminIfMatch("/v1/sources/" + sourceId)
                .contentType("application/json")
                .body(Map.of("kind", "web", "name", "The Kratom Guide", "url", url, "type", "Website"))
                .put("/v1/sources/" + sourceId)
                .then()
                .statusCode(200);

        List<Map<String, Object>> seen = mirror.sync();
        for (String slug : List.of(first, second)) {
            Map<String, Object> item = seen.stream()
                    .filter(i -> i.get("slug").equals(slug))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(slug + " cites the renamed source but got no feed entry"));
            assertEquals(2, ((Number) item.get("version")).intValue(), "a new version of " + slug);
        }
        assertFalse(seen.stream().anyMatch(i -> i.get("slug").equals(draft)), "drafts stay out of the feed");
        assertEquals(
                draftVersion,
                admin().get("/v1/articles/" + draft).then().extract().jsonPath().getLong("version"));
        assertEquals(TestArticles.published(), mirror.articles, "the mirror shows the new name");
        anonymous()
                .get("/v1/articles/" + first)
                .then()
                .body("sources.find { it.id == " + sourceId + " }.name", equalTo("The Kratom Guide"));
    }

    @Test
    void anAuthorRenamedByAnotherArticlesPublicationIsAChangeToTheirArticles() {
        String name = randomName();
        String earlier = createWith(
                "published",
                "Guide",
                "https://example.org/" + uniqueSlug("a"),
                "Dana " + name + " writes about supplements.");
        TestArticles.Mirror mirror = new TestArticles.Mirror();
        mirror.sync();
        // Same author (same slug), new wording of the name, published: the shared name changes.
        createWith(
                "published",
                "Guide",
                "https://example.org/" + uniqueSlug("b"),
                "DANA " + name.toUpperCase() + " edits the site.");

        List<Map<String, Object>> seen = mirror.sync();
        assertTrue(
                seen.stream()
                        .anyMatch(i -> i.get("slug").equals(earlier) && ((Number) i.get("version")).intValue() == 2),
                "the earlier article reads differently now, so it is a change");
        assertEquals(TestArticles.published(), mirror.articles);
        anonymous().get("/v1/articles/" + earlier).then().body("author.name", equalTo("DANA " + name.toUpperCase()));
    }
}
