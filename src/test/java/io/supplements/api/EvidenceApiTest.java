package io.supplements.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.jsonldjava.core.DocumentLoader;
import com.github.jsonldjava.core.JsonLdOptions;
import com.github.jsonldjava.core.JsonLdProcessor;
import com.github.jsonldjava.utils.JsonUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvidenceApiTest extends ApiTestSupport {
    private static final String SCHEMA = "http://schema.org/";

    @Test
    void theSampleArticlesDisagreeAboutHairLossAndTheConflictShowsIt() {
        JsonPath conflicts = anonymous()
                .queryParam("supplement", "kratom")
                .queryParam("outcome", "hair-loss")
                .get("/v1/claims/conflicts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, conflicts.getList("items").size());
        assertTrue(conflicts.getList("items[0].asserting.text").stream()
                .anyMatch(t ->
                        t.toString().contains("Journal of Clinical Medicine documented cases of severe hair loss")));
        assertTrue(conflicts.getList("items[0].denying.text").stream()
                .anyMatch(t -> t.toString().contains("found no evidence of kratom causing hair loss")));
        assertTrue(conflicts
                .getList("items[0].articles")
                .containsAll(List.of("kratom-natural-pain-management", "kratom-muscle-soreness-relief")));
        assertTrue(conflicts
                .getList("items[0].sources.name")
                .containsAll(List.of("Journal of Clinical Medicine", "Journal of Ethnopharmacology")));
    }

    @Test
    void theSampleArticlesDisagreeAboutDependenceToo() {
        JsonPath conflicts = anonymous()
                .queryParam("supplement", "kratom")
                .queryParam("outcome", "dependence")
                .get("/v1/claims/conflicts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, conflicts.getList("items").size());
        List<String> denying = conflicts.getList("items[0].denying.text");
        List<String> asserting = conflicts.getList("items[0].asserting.text");
        assertTrue(
                denying.stream().anyMatch(t -> t.contains("non-addictive at recommended dosages")), denying.toString());
        assertTrue(
                asserting.stream().anyMatch(t -> t.contains("linked to instances of dependency")),
                asserting.toString());
        assertTrue(asserting.stream().anyMatch(t -> t.contains("The FDA has issued warnings")), asserting.toString());
        assertTrue(conflicts.getList("items[0].sources.name").contains("FDA"));
    }

    @Test
    void conflictsWithoutFiltersListEveryGroupThatHasBothStances() {
        JsonPath all = anonymous()
                .get("/v1/claims/conflicts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = all.getList("items");
        assertTrue(items.stream().anyMatch(i -> "hair-loss".equals(i.get("outcome"))));
        for (Map<String, Object> item : items) {
            assertTrue(
                    !((List<?>) item.get("asserting")).isEmpty() && !((List<?>) item.get("denying")).isEmpty(),
                    item.toString());
        }
    }

    @Test
    void theEvidenceReportCountsClaimsAndSourcesOfTheArticle() {
        String text = String.join(
                "\n",
                "Melatonin may help you sleep.",
                "Readers ask about melatonin.",
                "- Evidence",
                "Evidence",
                "A study published in Sleep Medicine Reviews (2013) found that melatonin reduced sleep onset latency.",
                "The FDA has issued warnings about melatonin gummies mislabelled for dose.",
                "Talk to a doctor first.",
                "Related Resources",
                "One resource:",
                "- Sleep Foundation (Health Website): [Sleep advice.] – https://www.sleepfoundation.org/");
        String slug = uniqueSlug("evidence");
        admin().contentType(TEXT)
                .body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("slug", slug)
                .queryParam("status", "published")
                .post("/v1/imports")
                .then()
                .statusCode(201);

        JsonPath report = anonymous()
                .get("/v1/articles/" + slug + "/evidence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath article = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int claims = article.getList("claims").size();
        assertEquals(claims, report.getInt("claims"));
        int cited = (int) article.getList("claims.attribution").stream()
                .filter("cited"::equals)
                .count();
        assertEquals(2, cited, "the journal and the FDA sentences cite a source");
        assertEquals(cited, report.getInt("attribution.cited"));
        assertEquals(Math.round(10000.0 * cited / claims) / 10000.0, report.getDouble("attributionShare.cited"), 1e-9);
        assertEquals(1, report.getInt("sourcesByKind.journal"));
        assertEquals(1, report.getInt("sourcesByKind.organization"));
        assertEquals(1, report.getInt("sourcesByKind.web"));
        List<String> withoutId = report.getList("sourcesWithoutIdentifier.name");
        assertTrue(withoutId.containsAll(List.of("Sleep Medicine Reviews", "FDA")), withoutId.toString());
        assertTrue(!withoutId.contains("Sleep Foundation"), "a web source has its URL");
    }

    /**
     * Issue 12: each citation says what kind of evidence it is and whom it studied, claims can be
     * filtered by design, a document cited by an identifier alone is a source a reader can follow, and
     * the report says how much of what is cited rests on animal or cell studies only.
     */
    @Test
    void citationsCarryTheirDesignAndTheReportSharesAnimalAndCellOnlySupport() {
        String text = String.join(
                "\n",
                "Taurine is an amino acid sold for energy and heart health.",
                "Readers ask about taurine.",
                "- Evidence",
                "Evidence",
                "In rats, taurine lowered blood pressure, according to a 2016 study in Amino Acids.",
                "In cultured heart cells, taurine protected mitochondria from oxidative damage (Okafor et al., 2015).",
                "A 2019 meta-analysis of seven randomized trials found that taurine lowered blood pressure in adults (doi:10.1000/taurine.2019).",
                "Talk to a doctor first.");
        String slug = uniqueSlug("designs");
        admin().contentType(TEXT)
                .body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("slug", slug)
                .queryParam("status", "published")
                .post("/v1/imports")
                .then()
                .statusCode(201);

        JsonPath article = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> citations = article.getList("claims.citations.flatten()");
        assertEquals(
                List.of("animal", "in-vitro", "meta-analysis"),
                citations.stream().map(c -> c.get("design")).toList());
        assertEquals(
                List.of("animals", "cells", "humans"),
                citations.stream().map(c -> c.get("population")).toList());
        assertEquals("10.1000/taurine.2019", ((Map<?, ?>) citations.get(2).get("identifiers")).get("doi"));
        assertEquals(null, ((Map<?, ?>) citations.get(0).get("identifiers")).get("doi"));
        Map<String, Object> document = article.getList("sources", Map.class).stream()
                .filter(s -> "document".equals(s.get("kind")))
                .findFirst()
                .orElseThrow();
        assertEquals("10.1000/taurine.2019", document.get("doi"));
        assertEquals("https://doi.org/10.1000/taurine.2019", document.get("url"));
        assertTrue(article.getList("sources.kind").contains("author"));

        JsonPath report = anonymous()
                .get("/v1/articles/" + slug + "/evidence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, report.getInt("attribution.cited"));
        assertEquals(Math.round(10000.0 * 2 / 3) / 10000.0, report.getDouble("animalOrCellOnlyShare"), 1e-9);
        assertEquals(1, report.getInt("sourcesByKind.author"));
        assertEquals(1, report.getInt("sourcesByKind.document"));

        String jsonLd = anonymous()
                .accept("application/ld+json")
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(jsonLd.contains("\"familyName\":\"Okafor\""), jsonLd);
        assertTrue(jsonLd.contains("\"identifier\":\"10.1000/taurine.2019\""), jsonLd);

        List<String> metaAnalyses = anonymous()
                .queryParam("article", slug)
                .queryParam("design", "meta-analysis")
                .get("/v1/claims")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.text");
        assertEquals(1, metaAnalyses.size());
        assertTrue(metaAnalyses.get(0).startsWith("A 2019 meta-analysis"), metaAnalyses.toString());
        invalidRequest()
                .queryParam("design", "anecdote")
                .get("/v1/claims")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("design"));
    }

    @Test
    void evidenceOfAnUnknownOrDraftArticleIs404() {
        anonymous().get("/v1/articles/no-such-article/evidence").then().statusCode(404);
        String draft = importSeed(SEEDS[3], "draft");
        anonymous().get("/v1/articles/" + draft + "/evidence").then().statusCode(404);
        admin().get("/v1/articles/" + draft + "/evidence")
                .then()
                .statusCode(200)
                .body("article", equalTo(draft));
    }

    @Test
    void jsonLdIsSchemaOrgThatParsesBackWithCitationsAuthorAboutAndDateModified() throws Exception {
        String body = anonymous()
                .accept("application/ld+json")
                .get("/v1/articles/kratom-muscle-soreness-relief")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/ld+json")
                .extract()
                .asString();

        JsonLdOptions options = new JsonLdOptions();
        DocumentLoader loader = new DocumentLoader();
        // No network here: schema.org's context is served locally; its essence is the vocabulary mapping.
        loader.addInjectedDoc("https://schema.org", "{\"@context\": {\"@vocab\": \"" + SCHEMA + "\"}}");
        options.setDocumentLoader(loader);
        List<Object> expanded = JsonLdProcessor.expand(JsonUtils.fromString(body), options);

        assertEquals(1, expanded.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) expanded.get(0);
        assertEquals(List.of(SCHEMA + "MedicalWebPage"), page.get("@type"));
        List<?> citations = (List<?>) page.get(SCHEMA + "citation");
        assertNotNull(citations);
        assertEquals(9, citations.size(), "two journals and seven related resources");
        assertNotNull(page.get(SCHEMA + "author"));
        assertTrue(page.get(SCHEMA + "author").toString().contains("Dr. Emily Parker"));
        assertTrue(page.get(SCHEMA + "about").toString().contains("kratom"));
        assertNotNull(page.get(SCHEMA + "dateModified"));
    }

    @Test
    void anyAcceptStillGetsJson() {
        anonymous()
                .accept("*/*")
                .get("/v1/articles/kratom-chronic-pain")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("claims.attribution", hasItem("cited"))
                .body("sources.kind", hasItems("organization"));
    }
}
