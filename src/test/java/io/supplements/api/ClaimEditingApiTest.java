package io.supplements.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimEditingApiTest extends ApiTestSupport {
    static final String CITED_A =
            "A study published in Sleep Medicine Reviews (2013) found that melatonin reduced sleep onset latency.";
    static final String CITED_B =
            "A trial published in the Journal of Pineal Research (2015) showed that melatonin improved sleep quality.";
    static final String PLAIN = "Melatonin is a hormone that signals night to the body.";
    /** A claim the extractor does not see: it names no supplement. */
    static final String MISSED = "Travelers flying east tend to benefit the most.";

    static Map<String, Object> article(String slug, List<String> first, List<String> second) {
        Map<String, Object> a = new HashMap<>();
        a.put("slug", slug);
        a.put("title", "Melatonin Evidence");
        a.put("summary", "Melatonin may help some people sleep.");
        a.put("introduction", "Many readers ask whether melatonin works.");
        a.put(
                "sections",
                List.of(
                        Map.of("heading", "What Melatonin Does", "paragraphs", first),
                        Map.of("heading", "How to Take It", "paragraphs", second)));
        a.put("conclusion", "Melatonin is a mild aid, best used briefly.");
        a.put("status", "published");
        return a;
    }

    static JsonPath create(Map<String, Object> article) {
        return admin().contentType("application/json")
                .body(article)
                .post("/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static JsonPath replace(String slug, Map<String, Object> article) {
        return adminIfMatch("/v1/articles/" + slug)
                .contentType("application/json")
                .body(article)
                .put("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static long claimIdOf(JsonPath article, String text) {
        return article.getLong("claims.find { it.text == '" + text.replace("'", "\\'") + "' }.id");
    }

    @Test
    void rewritingAnArticleKeepsTheIdsOfClaimsWhoseSentenceIsUnchanged() {
        String slug = uniqueSlug("keep");
        JsonPath before =
                create(article(slug, List.of(PLAIN + " " + CITED_A, CITED_B), List.of("Take it an hour before bed.")));
        long a = claimIdOf(before, CITED_A);
        long b = claimIdOf(before, CITED_B);

        String changedB = CITED_B.replace("improved", "clearly improved");
        JsonPath after = replace(
                slug,
                article(
                        slug,
                        List.of("A new first paragraph about melatonin and jet lag.", PLAIN + " " + CITED_A, changedB),
                        List.of("Take it an hour before bed.")));

        assertEquals(a, claimIdOf(after, CITED_A), "same sentence, same id, although it moved to another paragraph");
        assertEquals(1, after.getInt("claims.find { it.id == " + a + " }.paragraph"));
        long newB = claimIdOf(after, changedB);
        assertNotEquals(b, newB, "a changed sentence is a new claim");
        anonymous().get("/v1/claims/" + b).then().statusCode(404);
        String paragraph = after.getString("sections[0].paragraphs[1]");
        int start = after.getInt("claims.find { it.id == " + a + " }.start");
        int end = after.getInt("claims.find { it.id == " + a + " }.end");
        assertEquals(CITED_A, paragraph.substring(start, end), "offsets follow the sentence");
    }

    @Test
    void anEditorAddsAClaimThatExtractionMissedAndItSurvivesARewrite() {
        String slug = uniqueSlug("add");
        JsonPath article = create(article(slug, List.of(MISSED, CITED_A), List.of("Take it an hour before bed.")));
        assertFalse(article.getList("claims.text").contains(MISSED), "the extractor misses it");
        long version = article.getLong("version");
        String paragraph = article.getString("sections[0].paragraphs[0]");

        JsonPath claim = admin().contentType("application/json")
                .body(Map.of(
                        "article",
                        slug,
                        "location",
                        "section",
                        "sectionAnchor",
                        "what-melatonin-does",
                        "paragraph",
                        0,
                        "start",
                        0,
                        "end",
                        paragraph.length(),
                        "judgement",
                        Map.of("supplement", "melatonin", "outcome", "jet-lag", "stance", "asserts", "hedged", false)))
                .post("/v1/claims")
                .then()
                .statusCode(201)
                .body("text", equalTo(MISSED))
                .body("edited", equalTo(true))
                .body("attribution", equalTo("none"))
                .extract()
                .jsonPath();
        long id = claim.getLong("id");
        JsonPath now = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .body("version", equalTo((int) version + 1))
                .extract()
                .jsonPath();
        List<Object> order = now.getList("claims.id");
        assertTrue(
                order.indexOf((int) id) < order.indexOf((int) claimIdOf(now, CITED_A)),
                "claims stay in reading order: " + order);

        int start = article.getString("sections[0].paragraphs[1]").indexOf(CITED_A);
        admin().contentType("application/json")
                .body(Map.of(
                        "article",
                        slug,
                        "location",
                        "section",
                        "sectionAnchor",
                        "what-melatonin-does",
                        "paragraph",
                        1,
                        "start",
                        start,
                        "end",
                        start + CITED_A.length(),
                        "judgement",
                        Map.of("supplement", "melatonin", "stance", "asserts", "hedged", false)))
                .post("/v1/claims")
                .then()
                .statusCode(409);

        JsonPath after = replace(
                slug,
                article(slug, List.of("Read this first.", MISSED, CITED_A), List.of("Take it an hour before bed.")));
        assertEquals(id, claimIdOf(after, MISSED), "the editor's claim moved with its sentence");
        assertEquals(1, after.getInt("claims.find { it.id == " + id + " }.paragraph"));
    }

    @Test
    void aCorrectedJudgementSurvivesARewriteAndADeletedClaimStaysDeleted() {
        String slug = uniqueSlug("judge");
        JsonPath article = create(article(slug, List.of(CITED_A, CITED_B), List.of("Take it an hour before bed.")));
        long a = claimIdOf(article, CITED_A);
        long b = claimIdOf(article, CITED_B);

        adminIfMatch("/v1/claims/" + a)
                .contentType("application/json")
                .body(Map.of(
                        "supplement",
                        "melatonin",
                        "outcome",
                        "sleep",
                        "stance",
                        "uncertain",
                        "hedged",
                        true,
                        "attribution",
                        "cited"))
                .put("/v1/claims/" + a)
                .then()
                .statusCode(200)
                .body("stance", equalTo("uncertain"))
                .body("edited", equalTo(true));
        adminIfMatch("/v1/claims/" + b).delete("/v1/claims/" + b).then().statusCode(204);

        JsonPath after =
                replace(slug, article(slug, List.of(CITED_A, CITED_B), List.of("Take it a little before bed.")));
        assertEquals("uncertain", after.getString("claims.find { it.id == " + a + " }.stance"));
        assertFalse(after.getList("claims.text").contains(CITED_B), "a removed claim is not extracted again");
    }

    @Test
    void claimEditsAreValidatedWithPointers() {
        String slug = uniqueSlug("bad");
        JsonPath article = create(article(slug, List.of(CITED_A), List.of("Take it an hour before bed.")));
        long a = claimIdOf(article, CITED_A);

        admin().contentType("application/json")
                .body(Map.of(
                        "article",
                        slug,
                        "location",
                        "section",
                        "sectionAnchor",
                        "what-melatonin-does",
                        "paragraph",
                        0,
                        "start",
                        0,
                        "end",
                        100000,
                        "judgement",
                        Map.of("supplement", "melatonin", "stance", "asserts", "hedged", false)))
                .post("/v1/claims")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/end"));
        admin().contentType("application/json")
                .body(Map.of(
                        "article",
                        slug,
                        "location",
                        "section",
                        "sectionAnchor",
                        "no-such-section",
                        "paragraph",
                        0,
                        "start",
                        0,
                        "end",
                        5,
                        "judgement",
                        Map.of("supplement", "melatonin", "stance", "asserts", "hedged", false)))
                .post("/v1/claims")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/paragraph"));
        adminIfMatch("/v1/claims/" + a)
                .contentType("application/json")
                .body(Map.of("supplement", "not-a-known-supplement", "stance", "asserts", "hedged", false))
                .put("/v1/claims/" + a)
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/supplement"));
        adminIfMatch("/v1/claims/" + a)
                .contentType("application/json")
                .body(Map.of("supplement", "melatonin", "stance", "asserts", "hedged", false, "attribution", "vague"))
                .put("/v1/claims/" + a)
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/attribution"));
        invalidRequest()
                .contentType("application/json")
                .body(Map.of("supplement", "melatonin", "stance", "asserts", "hedged", false))
                .put("/v1/claims/" + a)
                .then()
                .statusCode(401);
        admin().header("If-Match", "*")
                .contentType("application/json")
                .body(Map.of("supplement", "melatonin", "stance", "asserts", "hedged", false))
                .put("/v1/claims/999999999")
                .then()
                .statusCode(404);
    }

    @Test
    void sourcesAreCreatedWithValidatedIdentifiersAndCitedFromClaims() {
        String tag = uniqueSlug("x").substring(2);
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of(
                        "kind",
                        "journal",
                        "name",
                        "Journal " + tag,
                        "doi",
                        "not-a-doi",
                        "pmid",
                        "12a",
                        "url",
                        "ftp://x"))
                .post("/v1/sources")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/doi", "/pmid", "/url"));

        JsonPath source = admin().contentType("application/json")
                .body(Map.of("kind", "journal", "name", "Journal " + tag, "year", 2020))
                .post("/v1/sources")
                .then()
                .statusCode(201)
                .body("hasIdentifier", equalTo(false))
                .extract()
                .jsonPath();
        long sourceId = source.getLong("id");
        admin().contentType("application/json")
                .body(Map.of("kind", "journal", "name", "journal " + tag, "year", 2020))
                .post("/v1/sources")
                .then()
                .statusCode(409);
        adminIfMatch("/v1/sources/" + sourceId)
                .contentType("application/json")
                .body(Map.of(
                        "kind",
                        "journal",
                        "name",
                        "Journal " + tag,
                        "year",
                        2020,
                        "doi",
                        "10.1234/abc." + tag,
                        "pmid",
                        "28216987"))
                .put("/v1/sources/" + sourceId)
                .then()
                .statusCode(200)
                .body("doi", equalTo("10.1234/abc." + tag))
                .body("hasIdentifier", equalTo(true));

        String slug = uniqueSlug("cite");
        JsonPath article = create(article(slug, List.of(PLAIN), List.of("Take it an hour before bed.")));
        String paragraph = article.getString("sections[0].paragraphs[0]");
        long claimId = admin().contentType("application/json")
                .body(Map.of(
                        "article",
                        slug,
                        "location",
                        "section",
                        "sectionAnchor",
                        "what-melatonin-does",
                        "paragraph",
                        0,
                        "start",
                        0,
                        "end",
                        paragraph.length(),
                        "judgement",
                        Map.of(
                                "supplement",
                                "melatonin",
                                "stance",
                                "asserts",
                                "hedged",
                                false,
                                "attribution",
                                "vague")))
                .post("/v1/claims")
                .then()
                .statusCode(201)
                .body("attribution", equalTo("vague"))
                .extract()
                .jsonPath()
                .getLong("id");

        JsonPath cited = adminIfMatch("/v1/claims/" + claimId)
                .contentType("application/json")
                .body(Map.of("sourceId", sourceId, "start", 0, "end", 9))
                .post("/v1/claims/" + claimId + "/citations")
                .then()
                .statusCode(200)
                .body("attribution", equalTo("cited"))
                .body("citations[0].text", equalTo("Melatonin"))
                .body("sources.id", contains((int) sourceId))
                .extract()
                .jsonPath();
        anonymous().get("/v1/sources/" + sourceId).then().statusCode(200).body("claims.id", contains((int) claimId));

        long citationId = cited.getLong("citations[0].id");
        adminIfMatch("/v1/claims/" + claimId)
                .delete("/v1/claims/" + claimId + "/citations/" + citationId)
                .then()
                .statusCode(200)
                .body("citations.size()", equalTo(0))
                .body("attribution", equalTo("none"));
        adminIfMatch("/v1/claims/" + claimId)
                .delete("/v1/claims/" + claimId + "/citations/" + citationId)
                .then()
                .statusCode(404);
    }

    @Test
    void anEditorsVocabularyTermIsUsedByTheNextExtraction() {
        String tag = uniqueSlug("t").substring(2).replace("-", "");
        String slugOfOutcome = "zq-syndrome-" + tag;
        String term = "zq" + tag + " syndrome";
        admin().contentType("application/json")
                .body(Map.of("kind", "outcome", "slug", slugOfOutcome, "term", term))
                .post("/v1/vocabulary/terms")
                .then()
                .statusCode(201);
        anonymous().get("/v1/vocabulary").then().statusCode(200).body("outcomes." + slugOfOutcome, contains(term));
        admin().contentType("application/json")
                .body(Map.of("kind", "outcome", "slug", "hair-loss", "term", term))
                .post("/v1/vocabulary/terms")
                .then()
                .statusCode(409);
        // The bundled "st. john's wort", written with a typographic apostrophe, odd case and spacing: the same term.
        admin().contentType("application/json")
                .body(Map.of("kind", "supplement", "slug", "wort-" + tag, "term", "St. John\u2019s  Wort"))
                .post("/v1/vocabulary/terms")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);

        String sentence = "A study published in Skin Research (2018) found that kratom caused " + term + " in users.";
        String slug = uniqueSlug("vocab");
        JsonPath article = create(article(slug, List.of(sentence), List.of("Take it an hour before bed.")));
        assertEquals(slugOfOutcome, article.getString("claims.find { it.text == '" + sentence + "' }.outcome"));
        anonymous()
                .get("/v1/claims?outcome=" + slugOfOutcome)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void editingAClaimOfADraftStaysPrivate() {
        String slug = uniqueSlug("draftclaim");
        Map<String, Object> body = article(slug, List.of(CITED_A), List.of("Take it an hour before bed."));
        body.put("status", "draft");
        long a = claimIdOf(create(body), CITED_A);
        anonymous().get("/v1/claims/" + a).then().statusCode(404);
        admin().get("/v1/claims/" + a).then().statusCode(200);
        anonymous().get("/v1/claims?article=" + slug).then().statusCode(200).body("items.id", not(hasItem((int) a)));
        assertTrue(a > 0);
    }

    @Test
    void reImportingTheTextKeepsClaimIdsAndTheArticlesTitleTopicsAndStatus() {
        String slug = importSeed(SEEDS[0], "published");
        JsonPath before = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String original = new String(seed(SEEDS[0]), java.nio.charset.StandardCharsets.UTF_8);
        String edited = original.replace(
                "Expert recommendations suggest starting with low doses",
                "Expert recommendations suggest starting with very low doses");
        assertNotEquals(original, edited);

        JsonPath after = adminIfMatch("/v1/articles/" + slug)
                .contentType(TEXT)
                .body(edited.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(before.getString("title"), after.getString("title"));
        assertEquals(before.getList("topics"), after.getList("topics"));
        assertEquals("published", after.getString("status"));
        assertEquals(before.getInt("version") + 1, after.getInt("version"));
        List<Object> unchanged = before.getList("claims.findAll { !it.text.contains('low doses') }.id");
        assertTrue(unchanged.size() > 0);
        assertTrue(
                after.getList("claims.id").containsAll(unchanged), "every claim of an unchanged sentence keeps its id");
        String export = anonymous()
                .accept("text/plain")
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(edited, export);

        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(TEXT)
                .body("no table of contents\nat all\n")
                .put("/v1/articles/" + slug)
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("missing-toc"));
        anonymous().get("/v1/articles/" + slug).then().body("version", equalTo(after.getInt("version")));
    }

    @Test
    void aCitationAnEditorAddedSurvivesARewrite() {
        String slug = uniqueSlug("citekeep");
        JsonPath article =
                create(article(slug, List.of(PLAIN + " " + CITED_A), List.of("Take it an hour before bed.")));
        long claimId = claimIdOf(article, CITED_A);
        long sourceId = admin().contentType("application/json")
                .body(Map.of("kind", "organization", "name", "Sleep Council " + slug))
                .post("/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        int start = article.getString("sections[0].paragraphs[0]").indexOf(CITED_A);
        adminIfMatch("/v1/claims/" + claimId)
                .contentType("application/json")
                .body(Map.of("sourceId", sourceId, "start", start, "end", start + 7))
                .post("/v1/claims/" + claimId + "/citations")
                .then()
                .statusCode(200)
                .body("edited", equalTo(true));

        JsonPath after =
                replace(slug, article(slug, List.of(CITED_A + " " + PLAIN), List.of("Take it an hour before bed.")));
        List<Object> sources = after.getList("claims.find { it.id == " + claimId + " }.citations.sourceId");
        assertTrue(sources.contains((int) sourceId), "the editor's citation is kept: " + sources);
        int moved = after.getInt(
                "claims.find { it.id == " + claimId + " }.citations.find { it.sourceId == " + sourceId + " }.start");
        assertEquals(0, moved, "and moves with its sentence");
    }

    @Test
    void replacingWithoutAStatusKeepsTheArticlesStatus() {
        String slug = uniqueSlug("keepstatus");
        create(article(slug, List.of(CITED_A), List.of("Take it an hour before bed.")));
        Map<String, Object> body = article(slug, List.of(CITED_A), List.of("Take it a little before bed."));
        body.remove("status");
        replace(slug, body);
        anonymous().get("/v1/articles/" + slug).then().statusCode(200).body("status", equalTo("published"));
    }

    @Test
    void anOrganisationIsOneSourceWhateverTheYear() {
        long first = admin().contentType("application/json")
                .body(Map.of("kind", "organization", "name", "Agency " + uniqueSlug("o")))
                .post("/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String name =
                admin().get("/v1/sources/" + first).then().extract().jsonPath().getString("name");
        admin().contentType("application/json")
                .body(Map.of("kind", "organization", "name", name, "year", 2019))
                .post("/v1/sources")
                .then()
                .statusCode(409);
    }
}
