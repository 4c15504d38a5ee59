package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.supplements.article.ArticleService;
import io.supplements.article.Reextraction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: when the extractor changes, articles are extracted again, keeping claim ids and editors'
 * judgements, and an article whose claims change gets a new version and a feed entry. An older
 * extractor is simulated by writing what it would have stored: another fingerprint, a wrong judgement,
 * citations without a design. Re-extraction is run here directly; the background worker is off in tests.
 */
@QuarkusTest
class ReextractionApiTest extends ApiTestSupport {
    private static final String ANIMAL =
            "In rats, taurine lowered blood pressure, according to a 2016 study in Amino Acids.";
    private static final String TRIAL =
            "In a placebo-controlled trial of 40 adults, taurine lowered resting heart rate (Ito et al., 2014).";

    @Inject
    ArticleService articles;

    @Inject
    Reextraction reextraction;

    @Test
    void anOlderExtractionIsRedoneKeepingIdsAndEditorsJudgements() {
        String slug = importArticle("reextract");
        JsonPath before = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long animal = claimId(before, ANIMAL);
        long trial = claimId(before, TRIAL);
        adminIfMatch("/v1/claims/" + trial)
                .contentType("application/json")
                .body(Map.of(
                        "supplement",
                        "taurine",
                        "outcome",
                        "side-effects",
                        "stance",
                        "uncertain",
                        "hedged",
                        true,
                        "attribution",
                        "cited"))
                .put("/v1/claims/" + trial)
                .then()
                .statusCode(200);
        JsonPath edited = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long articleId = edited.getLong("id");
        String editedEtag =
                anonymous().get("/v1/articles/" + slug).then().extract().header("ETag");
        String untouched = importArticle("reextract-same");
        long untouchedId = anonymous()
                .get("/v1/articles/" + untouched)
                .then()
                .extract()
                .jsonPath()
                .getLong("id");
        long untouchedVersion = anonymous()
                .get("/v1/articles/" + untouched)
                .then()
                .extract()
                .jsonPath()
                .getLong("version");

        // What an older extractor left: another fingerprint, a claim judged differently, citations without design.
        sql("update article set extracted_with = 'r1-older' where id in (" + articleId + ", " + untouchedId + ")");
        sql("update claim set stance = 'denies', outcome_text = null where id = " + animal);
        sql("update citation set design = null, population = null where claim_id = " + animal);
        long pendingBefore = reextraction.status().pending();
        assertTrue(pendingBefore >= 2, "both articles wait: " + pendingBefore);

        assertTrue(articles.reextract(articleId), "the claims changed");
        assertFalse(articles.reextract(untouchedId), "nothing to change: no new version");
        assertFalse(articles.reextract(articleId), "done once: the fingerprint is today's");
        assertEquals(pendingBefore - 2, reextraction.status().pending());

        JsonPath after = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(edited.getLong("version") + 1, after.getLong("version"));
        assertEquals(edited.getList("claims.id"), after.getList("claims.id"), "claim ids survive");
        Map<String, Object> restored = after.getMap("claims.find { it.id == " + animal + " }");
        assertEquals("asserts", restored.get("stance"));
        assertEquals("blood pressure", restored.get("outcomeText"));
        assertEquals("animal", after.getString("claims.find { it.id == " + animal + " }.citations[0].design"));
        assertEquals(
                "uncertain",
                after.getString("claims.find { it.id == " + trial + " }.stance"),
                "the editor's judgement stays");
        assertFalse(editedEtag.equals(
                anonymous().get("/v1/articles/" + slug).then().extract().header("ETag")));
        assertEquals(
                untouchedVersion,
                anonymous()
                        .get("/v1/articles/" + untouched)
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("version"));
        assertEquals(
                1,
                count("select count(*) from change_log where article_id = " + articleId + " and version = "
                        + after.getLong("version")),
                "the feed carries the new version");
        assertEquals(
                1,
                count("select count(*) from change_log where article_id = " + untouchedId + " and version = "
                        + untouchedVersion),
                "the unchanged article's last change is still its import");
        assertEquals(
                reextraction.status().extractor(),
                anonymous()
                        .get("/v1/extraction")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("extractor"));
    }

    /**
     * A pass that leaves nothing behind is recorded, and from then on a round reads one row, not the
     * catalogue, until the extractor changes: an article found stale again starts a new pass only
     * once the fingerprint moves, which is why every write extracts with today's extractor.
     */
    @Test
    void aCompletePassIsRecordedAndTheNextRoundHasNothingToDo() {
        String slug = importArticle("reextract-pass");
        long id = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .extract()
                .jsonPath()
                .getLong("id");
        sql("update article set extracted_with = null where id = " + id);
        sql("delete from extraction_state");
        int rounds = 0;
        while (reextraction.runOnce() > 0) {
            assertTrue(++rounds < 1000, "a pass ends");
        }
        assertEquals(0, reextraction.status().pending());
        assertEquals(
                1,
                count("select count(*) from extraction_state where fingerprint = '"
                        + reextraction.status().extractor() + "'"));
        sql("update article set extracted_with = null where id = " + id);
        assertEquals(0, reextraction.runOnce(), "the pass is complete for today's extractor: nothing is read");
        assertEquals(1, reextraction.status().pending());
        assertFalse(articles.reextract(id), "its claims were current: only its fingerprint moves");
        assertEquals(0, reextraction.status().pending());
    }

    private String importArticle(String prefix) {
        String text = String.join(
                "\n",
                "Taurine is an amino acid sold for energy and heart health.",
                "Readers ask about taurine.",
                "- Evidence",
                "Evidence",
                ANIMAL + " " + TRIAL,
                "Talk to a doctor first.");
        String slug = uniqueSlug(prefix);
        admin().contentType(TEXT)
                .body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("slug", slug)
                .queryParam("status", "published")
                .post("/v1/imports")
                .then()
                .statusCode(201);
        return slug;
    }

    private static long claimId(JsonPath article, String text) {
        List<Map<String, Object>> claims = article.getList("claims");
        return claims.stream()
                .filter(c -> text.equals(c.get("text")))
                .map(c -> ((Number) c.get("id")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no claim " + text + " in " + article.getList("claims.text")));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
