package io.supplements.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimsSourcesAuthorsApiTest extends ApiTestSupport {
    private static final String SORENESS = "kratom-muscle-soreness-relief";
    private static final String PAIN = "kratom-natural-pain-management";

    private static long id(Object o) {
        return ((Number) o).longValue();
    }

    private static List<Long> ids(List<?> values) {
        return values.stream().map(ClaimsSourcesAuthorsApiTest::id).toList();
    }

    /**
     * Follows next cursors from the first page to the last and returns every item; checks that the
     * Link header is there exactly when there is a next page.
     */
    private static List<Map<String, Object>> allPages(
            Supplier<RequestSpecification> request, String path, Map<String, ?> query) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            RequestSpecification spec = request.get().queryParams(query).queryParam("limit", 100);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            Response page = spec.get(path);
            page.then().statusCode(200);
            items.addAll(page.jsonPath().getList("items"));
            cursor = page.jsonPath().getString("next");
            if (cursor == null) {
                assertNull(page.header("Link"), "no Link header on the last page");
                return items;
            }
            assertTrue(page.header("Link").contains("rel=\"next\""), page.header("Link"));
        }
        throw new AssertionError("more than 1000 pages");
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            s.append((char) ('a' + Character.digit(c, 16)));
        }
        return s.toString();
    }

    private static JsonPath article(String slug) {
        return admin().get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    // ------------------------------------------------------------------------------------------
    // Claims across articles

    @Test
    void hairLossClaimsShowThatTheSampleArticlesDisagree() {
        List<Map<String, Object>> claims = allPages(
                ClaimsSourcesAuthorsApiTest::anonymous,
                "/v1/claims",
                Map.of("supplement", "kratom", "outcome", "hair-loss"));

        assertFalse(claims.isEmpty());
        for (Map<String, Object> c : claims) {
            assertEquals("kratom", c.get("supplement"), String.valueOf(c));
            assertEquals("hair-loss", c.get("outcome"), String.valueOf(c));
        }
        Set<Object> articles = new HashSet<>();
        claims.forEach(c -> articles.add(c.get("article")));
        assertTrue(articles.containsAll(List.of(SORENESS, PAIN)), articles.toString());

        Map<String, Object> denies = claims.stream()
                .filter(c -> SORENESS.equals(c.get("article"))
                        && ((String) c.get("text")).contains("Journal of Ethnopharmacology"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("seed 001's Journal of Ethnopharmacology sentence"));
        assertEquals("denies", denies.get("stance"));
        assertTrue(((String) denies.get("text")).contains("found no evidence of kratom causing hair loss"));

        Map<String, Object> asserts = claims.stream()
                .filter(c -> PAIN.equals(c.get("article"))
                        && ((String) c.get("text")).contains("Journal of Clinical Medicine"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("seed 000's Journal of Clinical Medicine sentence"));
        assertEquals("asserts", asserts.get("stance"));
        assertTrue(((String) asserts.get("text")).contains("documented cases of severe hair loss in kratom users"));
    }

    @Test
    void stanceAndArticleFiltersKeepOnlyMatchingClaims() {
        List<Map<String, Object>> denies =
                allPages(ClaimsSourcesAuthorsApiTest::anonymous, "/v1/claims", Map.of("stance", "denies"));
        assertFalse(denies.isEmpty());
        denies.forEach(c -> assertEquals("denies", c.get("stance"), String.valueOf(c)));
        assertTrue(denies.stream().anyMatch(c -> SORENESS.equals(c.get("article"))));

        List<Map<String, Object>> ofOne =
                allPages(ClaimsSourcesAuthorsApiTest::anonymous, "/v1/claims", Map.of("article", SORENESS));
        assertFalse(ofOne.isEmpty());
        ofOne.forEach(c -> assertEquals(SORENESS, c.get("article")));
        assertEquals(
                ids(article(SORENESS).getList("claims.id")),
                ofOne.stream().map(c -> id(c.get("id"))).toList(),
                "the same claims as the article lists, in the same order");

        anonymous()
                .queryParam("article", SORENESS)
                .queryParam("stance", "asserts")
                .get("/v1/claims")
                .then()
                .statusCode(200)
                .body("items.stance", everyItem(equalTo("asserts")))
                .body("items.article", everyItem(equalTo(SORENESS)))
                .body("items.text", not(hasItem(containsString("Journal of Ethnopharmacology"))));
        anonymous()
                .queryParam("article", "no-such-article")
                .get("/v1/claims")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("next", nullValue());
    }

    @Test
    void invalidClaimFiltersAre400NamingTheParameter() {
        invalidRequest()
                .queryParam("stance", "maybe")
                .get("/v1/claims")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("stance"));
        invalidRequest()
                .queryParam("limit", 101)
                .get("/v1/claims")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("limit"));
        invalidRequest()
                .queryParam("limit", 0)
                .get("/v1/claims")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
        invalidRequest()
                .queryParam("cursor", "!!junk")
                .get("/v1/claims")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void claimPagesFollowTheCursorWithoutDuplicates() {
        String slug = importSeed(SEEDS[1], "published");
        List<Long> expected = ids(article(slug).getList("claims.id"));
        assertTrue(expected.size() >= 3, "seed 001 has several claims: " + expected);

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request =
                    anonymous().queryParam("article", slug).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/v1/claims");
            page.then().statusCode(200).body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2));
            seen.addAll(ids(page.jsonPath().getList("items.id")));
            cursor = page.jsonPath().getString("next");
            if (cursor != null) {
                String link = page.header("Link");
                assertNotNull(link, "a page with a next one has a Link header");
                String url = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
                assertTrue(link.endsWith("rel=\"next\""), link);
                assertTrue(url.contains("cursor=" + cursor), link);
                assertTrue(url.contains("article=" + slug), "the link keeps the filters: " + link);
                assertTrue(url.contains("limit=2"), link);
            } else {
                assertNull(page.header("Link"));
            }
            pages++;
        } while (cursor != null && pages < 50);

        assertEquals(expected, seen, "every claim once, in order");
        assertEquals(seen.size(), new HashSet<>(seen).size());
        assertTrue(pages >= 2);
    }

    // ------------------------------------------------------------------------------------------
    // One claim

    @Test
    void oneClaimCarriesTheSourcesItsCitationsPointTo() {
        JsonPath a = anonymous()
                .get("/v1/articles/" + SORENESS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> claims = a.getList("claims");
        assertFalse(claims.isEmpty());
        for (Map<String, Object> claim : claims) {
            long claimId = id(claim.get("id"));
            JsonPath detail = anonymous()
                    .get("/v1/claims/" + claimId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(claimId, detail.getLong("id"));
            assertEquals(SORENESS, detail.getString("article"));
            assertEquals(claim.get("text"), detail.getString("text"));
            assertEquals(claim.get("sectionAnchor"), detail.getString("sectionAnchor"));
            assertEquals(claim.get("paragraph"), detail.getInt("paragraph"));
            assertEquals(claim.get("start"), detail.getInt("start"));
            assertEquals(claim.get("end"), detail.getInt("end"));
            assertEquals(claim.get("stance"), detail.getString("stance"));
            assertEquals(claim.get("citations"), detail.getList("citations"));

            List<Long> cited = new ArrayList<>(new LinkedHashSet<>(ids(detail.getList("citations.sourceId"))));
            List<Long> sources = ids(detail.getList("sources.id"));
            assertEquals(
                    "cited".equals(claim.get("attribution")),
                    !sources.isEmpty(),
                    "a cited claim has sources, others none");
            assertEquals(new HashSet<>(cited), new HashSet<>(sources), "the sources are those the citations name");
            assertEquals(sources.size(), new HashSet<>(sources).size(), "each source once");
            for (Map<String, Object> s : detail.<Map<String, Object>>getList("sources")) {
                assertNotNull(s.get("kind"));
                assertNotNull(s.get("name"));
            }
        }
    }

    @Test
    void unknownOrMalformedClaimIdsAre404Problems() {
        anonymous()
                .get("/v1/claims/987654321098")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("type", equalTo("/problems/not-found"));
        invalidRequest()
                .get("/v1/claims/not-a-number")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void articleClaimsEndpointListsTheArticlesClaimsOnOnePage() {
        for (String slug : List.of(PAIN, SORENESS, "kratom-chronic-pain")) {
            List<Long> inArticle = ids(anonymous()
                    .get("/v1/articles/" + slug)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("claims.id"));
            assertFalse(inArticle.isEmpty(), slug);
            Response r = anonymous().get("/v1/articles/" + slug + "/claims");
            r.then().statusCode(200).body("next", nullValue()).body("items.article", everyItem(equalTo(slug)));
            assertNull(r.header("Link"));
            assertEquals(inArticle, ids(r.jsonPath().getList("items.id")), slug);
        }
        anonymous()
                .get("/v1/articles/no-such-article/claims")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    // ------------------------------------------------------------------------------------------
    // Sources

    @Test
    void sourcesListEveryKindAndFilterByKind() {
        List<Map<String, Object>> all = allPages(ClaimsSourcesAuthorsApiTest::anonymous, "/v1/sources", Map.of());
        Set<Object> kinds = new HashSet<>();
        all.forEach(s -> kinds.add(s.get("kind")));
        assertTrue(kinds.containsAll(List.of("journal", "web", "organization")), kinds.toString());
        List<Long> allIds = all.stream().map(s -> id(s.get("id"))).toList();
        assertEquals(allIds.size(), new HashSet<>(allIds).size(), "no source twice across pages");

        for (String kind : List.of("journal", "web", "organization")) {
            List<Map<String, Object>> ofKind =
                    allPages(ClaimsSourcesAuthorsApiTest::anonymous, "/v1/sources", Map.of("kind", kind));
            assertFalse(ofKind.isEmpty(), kind);
            ofKind.forEach(s -> assertEquals(kind, s.get("kind"), String.valueOf(s)));
        }
        List<Map<String, Object>> web =
                allPages(ClaimsSourcesAuthorsApiTest::anonymous, "/v1/sources", Map.of("kind", "web"));
        assertTrue(web.stream()
                .anyMatch(s -> "/kratom-review".equals(s.get("url")) && "Internal Guide".equals(s.get("type"))));
        List<Map<String, Object>> journals =
                allPages(ClaimsSourcesAuthorsApiTest::anonymous, "/v1/sources", Map.of("kind", "journal"));
        assertTrue(journals.stream()
                .anyMatch(s ->
                        "Journal of Ethnopharmacology".equals(s.get("name")) && Objects.equals(2017, s.get("year"))));

        invalidRequest()
                .queryParam("kind", "podcast")
                .get("/v1/sources")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("kind"));
        invalidRequest()
                .queryParam("limit", 101)
                .get("/v1/sources")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
    }

    @Test
    void aJournalSourceListsTheClaimsAndArticlesCitingIt() {
        JsonPath soreness = anonymous()
                .get("/v1/articles/" + SORENESS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> source =
                soreness.getMap("sources.find { it.name == 'Pharmacognosy Research' && it.year == 2017 }");
        assertNotNull(source, "seed 001 cites Pharmacognosy Research (2017)");
        long sourceId = id(source.get("id"));

        Response r = anonymous().get("/v1/sources/" + sourceId);
        r.then()
                .statusCode(200)
                .body("kind", equalTo("journal"))
                .body("name", equalTo("Pharmacognosy Research"))
                .body("year", equalTo(2017))
                .body("url", nullValue())
                .body("articles.slug", hasItem(SORENESS))
                .body("articles.slug", not(hasItem(PAIN)))
                .body("claims.text", everyItem(containsString("Pharmacognosy Research (2017)")));
        List<Map<String, Object>> claims = r.jsonPath().getList("claims");
        List<Long> fromSoreness = claims.stream()
                .filter(c -> SORENESS.equals(c.get("article")))
                .map(c -> id(c.get("id")))
                .toList();
        assertEquals(2, fromSoreness.size(), "lines 9 and 14 of seed 001 both cite it");
        for (Map<String, Object> c : claims) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> citations = (List<Map<String, Object>>) c.get("citations");
            assertTrue(
                    citations.stream().anyMatch(ci -> id(ci.get("sourceId")) == sourceId),
                    "every listed claim cites the source");
        }
        Set<Object> citing = new HashSet<>();
        claims.forEach(c -> citing.add(c.get("article")));
        List<Object> listed = r.jsonPath().getList("articles.slug");
        assertTrue(listed.containsAll(citing), "every article of a citing claim is listed");
    }

    @Test
    void aWebSourceListsTheArticleThatRecommendsIt() {
        JsonPath soreness = anonymous()
                .get("/v1/articles/" + SORENESS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long sourceId = id(soreness.get("relatedResources.items.find { it.url == '/kratom-review' }.sourceId"));
        anonymous()
                .get("/v1/sources/" + sourceId)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) sourceId))
                .body("kind", equalTo("web"))
                .body("name", equalTo("Kratom Review"))
                .body("type", equalTo("Internal Guide"))
                .body("url", equalTo("/kratom-review"))
                .body("year", nullValue())
                .body("description", containsString("An in-house guide"))
                .body("claims", empty())
                .body("articles.slug", hasItem(SORENESS));
    }

    @Test
    void unknownOrMalformedSourceIdsAre404Problems() {
        anonymous()
                .get("/v1/sources/987654321098")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/not-found"));
        invalidRequest().get("/v1/sources/abc").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    // ------------------------------------------------------------------------------------------
    // Drafts stay hidden

    @Test
    void claimsOfADraftAreHiddenWithoutAKey() {
        String slug = importSeed(SEEDS[1], "draft");
        anonymous()
                .queryParam("article", slug)
                .get("/v1/claims")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("next", nullValue());
        int claims = admin().get("/v1/articles/" + slug)
                .then()
                .extract()
                .jsonPath()
                .getList("claims")
                .size();
        assertTrue(claims > 3, "seed 001 makes many claims, three of them cited");
        admin().queryParam("article", slug)
                .queryParam("limit", 100)
                .get("/v1/claims")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(claims))
                .body("items.article", everyItem(equalTo(slug)));
        long claimId = admin().queryParam("article", slug)
                .get("/v1/claims")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        anonymous().get("/v1/claims/" + claimId).then().statusCode(404).contentType(PROBLEM_JSON);
        admin().get("/v1/claims/" + claimId).then().statusCode(200).body("article", equalTo(slug));
        anonymous()
                .get("/v1/articles/" + slug + "/claims")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        admin().get("/v1/articles/" + slug + "/claims").then().statusCode(200).body("items.size()", equalTo(claims));

        // A shared source shows the draft's claims and the draft itself only to a keyed caller.
        long pharmacognosy = id(admin().get("/v1/articles/" + slug)
                .then()
                .extract()
                .jsonPath()
                .get("sources.find { it.name == 'Pharmacognosy Research' && it.year == 2017 }.id"));
        anonymous()
                .get("/v1/sources/" + pharmacognosy)
                .then()
                .statusCode(200)
                .body("claims.article", not(hasItem(slug)))
                .body("articles.slug", not(hasItem(slug)))
                .body("articles.slug", hasItem(SORENESS));
        admin().get("/v1/sources/" + pharmacognosy)
                .then()
                .statusCode(200)
                .body("claims.article", hasItem(slug))
                .body("articles.slug", hasItem(slug));
        // So does the author they share.
        anonymous().get("/v1/authors/dr-emily-parker").then().statusCode(200).body("articles.slug", not(hasItem(slug)));
        admin().get("/v1/authors/dr-emily-parker").then().statusCode(200).body("articles.slug", hasItem(slug));
        // And the claims list across articles.
        assertFalse(allPages(
                        ClaimsSourcesAuthorsApiTest::anonymous,
                        "/v1/claims",
                        Map.of("supplement", "kratom", "outcome", "hair-loss"))
                .stream()
                .anyMatch(c -> slug.equals(c.get("article"))));
    }

    @Test
    void aSourceAndAnAuthorKnownOnlyFromADraftAreHiddenWithoutAKey() {
        String tag = letters();
        String journal = "Journal of Zebra Studies " + Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
        String author = "Dr. Quinn " + Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
        String authorSlug = "dr-quinn-" + tag;
        String text = String.join(
                "\n",
                "Zebras may like kratom, but nobody knows.",
                "Many readers ask what zebras eat.",
                "- What Zebras Eat",
                "What Zebras Eat",
                "",
                "Zebras eat grass most of the day.",
                "A study published in " + journal + " (2011) found that kratom calmed zebras.",
                "Ask a vet before feeding a zebra anything new.",
                "About the Author",
                author + " is a vet who studies zebras.");
        String slug = uniqueSlug("zebra");
        JsonPath draft = admin().contentType(TEXT)
                .body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("slug", slug)
                .post("/v1/imports")
                .then()
                .statusCode(201)
                .body("status", equalTo("draft"))
                .extract()
                .jsonPath();
        Map<String, Object> source = draft.getMap("sources.find { it.name == '" + journal + "' }");
        assertNotNull(source, "the draft cites " + journal + ": " + draft.getList("sources"));
        assertEquals(2011, source.get("year"));
        long sourceId = id(source.get("id"));
        assertEquals(authorSlug, draft.getString("author.slug"));

        anonymous().get("/v1/sources/" + sourceId).then().statusCode(404).contentType(PROBLEM_JSON);
        admin().get("/v1/sources/" + sourceId)
                .then()
                .statusCode(200)
                .body("name", equalTo(journal))
                .body("articles.slug", contains(slug))
                .body("claims.size()", equalTo(1));
        assertFalse(
                allPages(ClaimsSourcesAuthorsApiTest::anonymous, "/v1/sources", Map.of("kind", "journal")).stream()
                        .anyMatch(s -> id(s.get("id")) == sourceId),
                "not listed without a key");
        assertTrue(
                allPages(ClaimsSourcesAuthorsApiTest::admin, "/v1/sources", Map.of("kind", "journal")).stream()
                        .anyMatch(s -> id(s.get("id")) == sourceId),
                "listed with a key");

        anonymous().get("/v1/authors/" + authorSlug).then().statusCode(404).contentType(PROBLEM_JSON);
        admin().get("/v1/authors/" + authorSlug)
                .then()
                .statusCode(200)
                .body("name", equalTo(author))
                .body("articles.slug", contains(slug));

        // Publishing it makes both public.
        adminIfMatch("/v1/articles/" + slug)
                .post("/v1/articles/" + slug + "/publish")
                .then()
                .statusCode(200);
        anonymous().get("/v1/sources/" + sourceId).then().statusCode(200).body("articles.slug", contains(slug));
        anonymous().get("/v1/authors/" + authorSlug).then().statusCode(200).body("articles.slug", contains(slug));
    }

    // ------------------------------------------------------------------------------------------
    // Authors

    @Test
    void anAuthorListsTheirArticles() {
        anonymous()
                .get("/v1/authors/dr-emily-parker")
                .then()
                .statusCode(200)
                .body("slug", equalTo("dr-emily-parker"))
                .body("name", equalTo("Dr. Emily Parker"))
                .body("bio", notNullValue())
                .body("bio", org.hamcrest.Matchers.startsWith("Dr. Emily Parker is"))
                .body("articles.slug", hasItem(SORENESS))
                .body("articles.status", everyItem(equalTo("published")));
    }

    @Test
    void unknownAuthorIs404Problem() {
        anonymous()
                .get("/v1/authors/no-such-author")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void anAuthorOfSeveralArticlesListsThemNewestFirst() {
        String tag = letters();
        String name = "Dr. Ada " + Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
        String older = importWithBio(name + " is a pharmacist.", "published");
        String newer = importWithBio(name + " is a pharmacist who writes about herbs.", "published");
        anonymous()
                .get("/v1/authors/dr-ada-" + tag)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("bio", equalTo(name + " is a pharmacist who writes about herbs."))
                .body("articles.slug", contains(newer, older));
        anonymous()
                .get("/v1/articles/" + older)
                .then()
                .statusCode(200)
                .body("author.slug", equalTo("dr-ada-" + tag))
                .body("author.bio", equalTo(name + " is a pharmacist."));
    }

    @Test
    void aDraftNeverChangesWhatThePublicSeesOfAnAuthor() {
        String tag = letters();
        String name = "Dr. Ada " + Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
        importWithBio(name + " is a pharmacist who writes about herbs.", "published");
        String draft = importWithBio(name.toUpperCase() + " is secretly moving to a new job.", "draft");

        anonymous()
                .get("/v1/authors/dr-ada-" + tag)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("bio", equalTo(name + " is a pharmacist who writes about herbs."));
        admin().get("/v1/authors/dr-ada-" + tag)
                .then()
                .statusCode(200)
                .body("bio", equalTo(name.toUpperCase() + " is secretly moving to a new job."));

        adminIfMatch("/v1/articles/" + draft)
                .post("/v1/articles/" + draft + "/publish")
                .then()
                .statusCode(200);
        anonymous()
                .get("/v1/authors/dr-ada-" + tag)
                .then()
                .statusCode(200)
                .body("name", equalTo(name.toUpperCase()))
                .body("bio", equalTo(name.toUpperCase() + " is secretly moving to a new job."));
    }

    @Test
    void aDraftsWordingOfASharedWebSourceNeverBecomesPublic() {
        String url = "https://example.org/guide-" + letters();
        String draft = importWithResource(
                "- Secret Draft Name (Internal Memo): [Unannounced product notes.] – " + url, "draft");
        long sourceId = id(admin().get("/v1/articles/" + draft)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("relatedResources.items.sourceId")
                .get(0));
        String published = importWithResource("- Public Guide (Web Guide): [A public guide.] – " + url, "published");

        anonymous()
                .get("/v1/sources/" + sourceId)
                .then()
                .statusCode(200)
                .body("name", equalTo("Public Guide"))
                .body("type", equalTo("Web Guide"))
                .body("description", equalTo("A public guide."))
                .body("articles.slug", contains(published));
        anonymous()
                .get("/v1/articles/" + published)
                .then()
                .statusCode(200)
                .body("sources.find { it.id == " + sourceId + " }.name", equalTo("Public Guide"));
    }

    private static String importWithResource(String resourceLine, String status) {
        return importWithTail(status, "Related Resources", "One resource:", resourceLine);
    }

    private static String importWithBio(String bio, String status) {
        return importWithTail(status, "About the Author", bio);
    }

    /** Imports a small article whose text ends with the given lines; returns its slug. */
    private static String importWithTail(String status, String... tail) {
        String slug = uniqueSlug("tail");
        List<String> lines = new ArrayList<>(List.of(
                "Kratom may ease pain, but its risks are debated.",
                "Many readers ask what kratom does.",
                "- What Kratom Is",
                "What Kratom Is",
                "Kratom is a tropical tree whose leaves contain mitragynine.",
                "Talk to a doctor before trying any supplement."));
        lines.addAll(List.of(tail));
        admin().contentType(TEXT)
                .body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .queryParam("slug", slug)
                .queryParam("status", status)
                .post("/v1/imports")
                .then()
                .statusCode(201);
        return slug;
    }
}
