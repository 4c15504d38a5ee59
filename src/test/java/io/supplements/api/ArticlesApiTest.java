package io.supplements.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticlesApiTest extends ApiTestSupport {

    static Map<String, Object> article(String slug, String status) {
        return Map.of(
                "slug",
                slug,
                "title",
                "Melatonin and Sleep",
                "summary",
                "Melatonin may help some people fall asleep faster.",
                "introduction",
                "Many readers ask whether melatonin works.",
                "sections",
                List.of(
                        Map.of(
                                "heading",
                                "What Melatonin Does",
                                "paragraphs",
                                List.of(
                                        "Melatonin is a hormone that signals night to the body.",
                                        "A study published in Sleep Medicine Reviews (2013) found that melatonin reduced sleep onset latency.")),
                        Map.of(
                                "heading",
                                "How to Take It",
                                "paragraphs",
                                List.of(
                                        "Start with a low dose an hour before bed.",
                                        "Talk to a doctor if you take other medicines."))),
                "conclusion",
                "Melatonin is a mild aid, best used briefly.",
                "author",
                Map.of("name", "Dr. Ana Lima", "bio", "Dr. Ana Lima is a sleep researcher."),
                "topics",
                List.of("melatonin", "sleep"),
                "status",
                status);
    }

    @Test
    void createReturns201WithLocationAndTheWholeArticle() {
        String slug = uniqueSlug("melatonin");
        admin().contentType("application/json")
                .body(article(slug, "published"))
                .post("/v1/articles")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/articles/" + slug))
                .body("slug", equalTo(slug))
                .body("version", equalTo(1))
                .body("status", equalTo("published"))
                .body("sections.anchor", contains("what-melatonin-does", "how-to-take-it"))
                .body("sections[0].paragraphs[1]", containsString("Sleep Medicine Reviews"))
                .body("author.name", equalTo("Dr. Ana Lima"))
                .body("topics", contains("melatonin", "sleep"))
                .body("claims.findAll { it.attribution == 'cited' }.size()", equalTo(1))
                .body("claims.findAll { it.attribution == 'cited' }[0].sectionAnchor", equalTo("what-melatonin-does"))
                .body("claims.findAll { it.attribution == 'cited' }[0].paragraph", equalTo(1))
                .body("sources.name", hasItem("Sleep Medicine Reviews"));

        anonymous().get("/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("Melatonin and Sleep"));
    }

    @Test
    void getUnknownArticleReturns404Problem() {
        anonymous()
                .get("/v1/articles/no-such-article")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("type", equalTo("/problems/not-found"))
                .body("instance", equalTo("/v1/articles/no-such-article"))
                .body("detail", containsString("no-such-article"));
    }

    @Test
    void draftsAreInvisibleWithoutAKey() {
        String slug = uniqueSlug("draft");
        admin().contentType("application/json")
                .body(article(slug, "draft"))
                .post("/v1/articles")
                .then()
                .statusCode(201);

        anonymous().get("/v1/articles/" + slug).then().statusCode(404);
        anonymous().get("/v1/articles?limit=100").then().statusCode(200).body("items.slug", not(hasItem(slug)));
        admin().get("/v1/articles/" + slug).then().statusCode(200).body("status", equalTo("draft"));
        admin().queryParam("status", "draft")
                .queryParam("limit", 100)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem(slug))
                .body("items.status", everyItem(equalTo("draft")));
        anonymous()
                .queryParam("status", "draft")
                .get("/v1/articles")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void publishAndUnpublishChangeVisibilityAndVersion() {
        String slug = uniqueSlug("pub");
        admin().contentType("application/json")
                .body(article(slug, "draft"))
                .post("/v1/articles")
                .then()
                .statusCode(201);

        adminIfMatch("/v1/articles/" + slug)
                .post("/v1/articles/" + slug + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .body("version", equalTo(2))
                .body("publishedAt", notNullValue());
        anonymous().get("/v1/articles/" + slug).then().statusCode(200);
        adminIfMatch("/v1/articles/" + slug)
                .post("/v1/articles/" + slug + "/publish")
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        adminIfMatch("/v1/articles/" + slug)
                .post("/v1/articles/" + slug + "/unpublish")
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"))
                .body("version", equalTo(3));
        anonymous().get("/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void replaceRewritesTheArticleAndBumpsTheVersion() {
        String slug = uniqueSlug("replace");
        admin().contentType("application/json")
                .body(article(slug, "published"))
                .post("/v1/articles")
                .then()
                .statusCode(201);
        Map<String, Object> changed = new java.util.HashMap<>(article(slug, "published"));
        changed.put("title", "Melatonin, Revised");
        changed.put(
                "sections", List.of(Map.of("heading", "Only Section", "paragraphs", List.of("One paragraph here."))));

        adminIfMatch("/v1/articles/" + slug)
                .contentType("application/json")
                .body(changed)
                .put("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .body("title", equalTo("Melatonin, Revised"))
                .body("version", equalTo(2))
                .body("sections.heading", contains("Only Section"))
                .body("claims.citations.flatten()", org.hamcrest.Matchers.empty());
        anonymous()
                .get("/v1/articles/" + slug + "/sections")
                .then()
                .statusCode(200)
                .body("items.anchor", contains("only-section"))
                .body("next", nullValue());
    }

    @Test
    void replaceWithATakenSlugIs409AndChangesNothing() {
        String a = uniqueSlug("a");
        String b = uniqueSlug("b");
        admin().contentType("application/json")
                .body(article(a, "published"))
                .post("/v1/articles")
                .then()
                .statusCode(201);
        admin().contentType("application/json")
                .body(article(b, "published"))
                .post("/v1/articles")
                .then()
                .statusCode(201);

        adminIfMatch("/v1/articles/" + a)
                .contentType("application/json")
                .body(article(b, "published"))
                .put("/v1/articles/" + a)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString(b));
        anonymous().get("/v1/articles/" + a).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void deleteRemovesTheArticleAndLeavesNoOrphanRows() {
        String slug = importSeed(SEEDS[1], "published");
        long id = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
        assertTrue(count("select count(*) from claim where article_id = " + id) > 0);
        assertTrue(count("select count(*) from related_resource where article_id = " + id) == 7);

        adminIfMatch("/v1/articles/" + slug)
                .delete("/v1/articles/" + slug)
                .then()
                .statusCode(204);

        anonymous().get("/v1/articles/" + slug).then().statusCode(404);
        assertEquals(0, count("select count(*) from article where id = " + id));
        for (String child : List.of("section", "claim", "related_resource", "article_topic")) {
            assertEquals(0, count("select count(*) from " + child + " where article_id = " + id), child);
        }
        assertEquals(0, count("select count(*) from paragraph where section_id not in (select id from section)"));
        assertEquals(0, count("select count(*) from citation where claim_id not in (select id from claim)"));
        admin().header("If-Match", "*").delete("/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void invalidFieldsGet400WithAPointerToEachField() {
        Map<String, Object> bad = new java.util.HashMap<>(article("Not A Slug", "published"));
        bad.put("summary", "");
        bad.put("sections", List.of(Map.of("heading", "Fine", "paragraphs", List.of("ok", "line\nbreak"))));
        bad.put("topics", List.of("Bad Topic"));

        Response r = invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body(bad)
                .post("/v1/articles");
        r.then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo("/problems/validation"));
        List<String> pointers = r.jsonPath().getList("errors.pointer");
        assertTrue(
                pointers.containsAll(List.of("/slug", "/summary", "/sections/0/paragraphs/1", "/topics/0")),
                pointers.toString());
    }

    @Test
    void duplicateHeadingsAndAParagraphThatReadsAsAHeadingAreRefused() {
        Map<String, Object> bad = new java.util.HashMap<>(article(uniqueSlug("dup"), "published"));
        bad.put(
                "sections",
                List.of(
                        Map.of("heading", "Same", "paragraphs", List.of("One.")),
                        Map.of("heading", "Same", "paragraphs", List.of("Two."))));
        admin().contentType("application/json")
                .body(bad)
                .post("/v1/articles")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/sections/1/heading"));

        bad.put(
                "sections",
                List.of(Map.of("heading", "Intro", "paragraphs", List.of("Looks Like A Heading", "Real paragraph."))));
        admin().contentType("application/json")
                .body(bad)
                .post("/v1/articles")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/sections/0/paragraphs/0"));
    }

    @Test
    void malformedJsonIs400Problem() {
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body("{\"slug\": ")
                .post("/v1/articles")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void wrongJsonTypeIs400WithPointer() {
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body("{\"slug\":\"x\",\"sections\":\"not a list\"}")
                .post("/v1/articles")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].pointer", equalTo("/sections"));
    }

    @Test
    void writesWithoutAKeyAre401AndWithABadKeyToo() {
        invalidRequest()
                .contentType("application/json")
                .body(article(uniqueSlug("nokey"), "published"))
                .post("/v1/articles")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"));
        invalidRequest()
                .header("Authorization", "Bearer not-the-key")
                .contentType("application/json")
                .body(article(uniqueSlug("badkey"), "published"))
                .post("/v1/articles")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
        invalidRequest().delete("/v1/articles/whatever").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/xml")
                .body("<article/>")
                .post("/v1/articles")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(415));
    }

    @Test
    void limitOver100AndJunkCursorsAre400() {
        invalidRequest()
                .queryParam("limit", 101)
                .get("/v1/articles")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("limit"));
        invalidRequest()
                .queryParam("limit", "ten")
                .get("/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
        invalidRequest()
                .queryParam("cursor", "!!not-a-cursor")
                .get("/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void pagesAreStableWhenArticlesAreInsertedBetweenThem() {
        String topic = uniqueSlug("paging");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> a = new java.util.HashMap<>(article(uniqueSlug("page"), "published"));
            a.put("topics", List.of(topic));
            admin().contentType("application/json")
                    .body(a)
                    .post("/v1/articles")
                    .then()
                    .statusCode(201);
        }
        Response first =
                anonymous().queryParam("topic", topic).queryParam("limit", 2).get("/v1/articles");
        first.then().statusCode(200).body("items.size()", equalTo(2)).header("Link", containsString("rel=\"next\""));
        String next = first.jsonPath().getString("next");
        assertNotNull(next);

        Map<String, Object> late = new java.util.HashMap<>(article(uniqueSlug("late"), "published"));
        late.put("topics", List.of(topic));
        admin().contentType("application/json")
                .body(late)
                .post("/v1/articles")
                .then()
                .statusCode(201);

        List<String> seen = new ArrayList<>(first.jsonPath().getList("items.slug"));
        String cursor = next;
        while (cursor != null) {
            Response page = anonymous()
                    .queryParam("topic", topic)
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor)
                    .get("/v1/articles");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.slug"));
            cursor = page.jsonPath().getString("next");
        }
        assertEquals(5, seen.size(), "the five articles that existed, each once: " + seen);
        assertEquals(5, new HashSet<>(seen).size());
        assertFalse(
                seen.contains(late.get("slug")), "an article inserted after page one does not shift the later pages");
    }

    @Test
    void linkHeaderPointsToTheNextPage() {
        Response first = anonymous().queryParam("limit", 1).get("/v1/articles");
        String link = first.header("Link");
        assertNotNull(link);
        String url = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertTrue(url.contains("cursor=" + first.jsonPath().getString("next")), link);
        assertTrue(url.contains("limit=1"), link);
    }

    @Test
    void fullTextSearchRanksTheMostRelevantArticleFirst() {
        String tag = "zebrafishx" + uniqueSlug("q").substring(2, 10).replace("-", "");
        Map<String, Object> strong = new java.util.HashMap<>(article(uniqueSlug("strong"), "published"));
        strong.put("title", "All About " + tag);
        strong.put("summary", tag + " " + tag + " summary.");
        Map<String, Object> weak = new java.util.HashMap<>(article(uniqueSlug("weak"), "published"));
        weak.put("conclusion", "A passing mention of " + tag + ".");
        admin().contentType("application/json")
                .body(weak)
                .post("/v1/articles")
                .then()
                .statusCode(201);
        admin().contentType("application/json")
                .body(strong)
                .post("/v1/articles")
                .then()
                .statusCode(201);

        anonymous()
                .queryParam("q", tag)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .body("items.slug", contains(strong.get("slug"), weak.get("slug")));
        anonymous()
                .queryParam("q", "no-such-word-anywhere-qqq")
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    /** Title over summary over prose; equal scores newest first; pages follow the ranking through their cursors. */
    @Test
    void searchRanksTitleOverSummaryOverProseAndPagesThroughTheRanking() {
        String tag = "quokkax" + uniqueSlug("q").substring(2, 10).replace("-", "");
        List<String> expected = new java.util.ArrayList<>();
        for (String where : List.of("conclusion", "conclusion", "summary", "title")) {
            Map<String, Object> a = new java.util.HashMap<>(article(uniqueSlug(where), "published"));
            a.put(where, where.equals("title") ? "On " + tag : "A word on " + tag + ".");
            admin().contentType("application/json")
                    .body(a)
                    .post("/v1/articles")
                    .then()
                    .statusCode(201);
            expected.add(0, (String) a.get("slug"));
        }
        // Newest first among the two equal prose matches: the second one created comes first.
        List<String> served = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = anonymous().queryParam("q", tag).queryParam("limit", 1);
            if (cursor != null) {
                page = page.queryParam("cursor", cursor);
            }
            var json = page.get("/v1/articles").then().statusCode(200).extract().jsonPath();
            served.addAll(json.getList("items.slug"));
            cursor = json.getString("next");
        } while (cursor != null);
        assertEquals(expected, served);
    }

    @Test
    void searchStemsWordsAndHonoursTopicAndDrafts() {
        String slug = importSeed(SEEDS[2], "draft");
        anonymous()
                .queryParam("q", "telogen effluvium")
                .queryParam("limit", 100)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .body("items.slug", not(hasItem(slug)));
        admin().queryParam("q", "telogen effluvium")
                .queryParam("limit", 100)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem(slug));
        anonymous()
                .queryParam("q", "studies")
                .queryParam("topic", "opioid-withdrawal")
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .body("items.slug", hasItems("kratom-opioid-withdrawal"));
    }

    @Test
    void sectionByAnchorAnd404ForAnUnknownAnchor() {
        anonymous()
                .get(
                        "/v1/articles/kratom-muscle-soreness-relief/sections/exploring-kratoms-active-compounds-for-relief")
                .then()
                .statusCode(200)
                .body("heading", equalTo("Exploring Kratom's Active Compounds for Relief"))
                .body("paragraphs.size()", equalTo(3));
        anonymous()
                .get("/v1/articles/kratom-muscle-soreness-relief/sections/nope")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given404();
        invalidRequest().put("/v1/articles").then().statusCode(405).contentType(PROBLEM_JSON);
    }

    private static void given404() {
        io.restassured.RestAssured.given()
                .get("/v1/no-such-collection")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void controlCharactersAndUriSyntaxInParametersAreClientErrors() {
        invalidRequest()
                .urlEncodingEnabled(false)
                .get("/v1/articles?topic=%00")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("topic"));
        invalidRequest()
                .urlEncodingEnabled(false)
                .get("/v1/articles/a%00b")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        invalidRequest()
                .urlEncodingEnabled(false)
                .accept("application/ld+json")
                .get("/v1/articles/%7Bx%7D")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        invalidRequest()
                .urlEncodingEnabled(false)
                .get("/v1/claims?supplement=%00&outcome=x")
                .then()
                .statusCode(400);
    }
}
