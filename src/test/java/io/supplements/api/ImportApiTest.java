package io.supplements.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportApiTest extends ApiTestSupport {

    /** A small valid article; line numbers are noted because the bad variants below rely on them. */
    private static final List<String> SMALL = List.of(
            "Kratom may ease pain, but its risks are debated.", // 1 summary
            "Many readers ask what kratom does.", // 2 introduction
            "- What Kratom Is", // 3 TOC
            "- How People Use It", // 4 TOC
            "What Kratom Is", // 5 heading
            "", // 6 blank after heading
            "Kratom is a tropical tree whose leaves contain mitragynine.", // 7
            "A study published in Pharmacognosy Research (2017) demonstrated that kratom extract reduced pain in mice.", // 8
            "How People Use It", // 9 heading
            "Most people brew the leaves as a tea.", // 10
            "Talk to a doctor before trying any supplement."); // 11 conclusion

    private static String text(List<String> lines) {
        return String.join("\n", lines);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> edited(java.util.function.Consumer<List<String>> edit) {
        List<String> lines = new ArrayList<>(SMALL);
        edit.accept(lines);
        return lines;
    }

    /** A keyed request that is wrong on purpose (only the response is checked against the spec). */
    private static RequestSpecification adminInvalid() {
        return invalidRequest().header("Authorization", "Bearer " + ADMIN_KEY);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of(
                "article",
                "section",
                "paragraph",
                "claim",
                "citation",
                "related_resource",
                "source",
                "author",
                "topic",
                "article_topic")) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }

    /** Posts a bad text and checks the 400 names the rule (and the line, when given); nothing is written. */
    private void assertRejected(byte[] body, Integer line, String... rules) {
        Map<String, Long> before = rowCounts();
        String slug = uniqueSlug("bad");
        Response r = adminInvalid()
                .contentType(TEXT)
                .body(body)
                .queryParam("slug", slug)
                .post("/v1/imports");
        r.then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("type", equalTo("/problems/invalid-article-text"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].detail", notNullValue());
        String rule = r.jsonPath().getString("errors[0].rule");
        assertTrue(Arrays.asList(rules).contains(rule), "rule " + rule + ", expected one of " + Arrays.toString(rules));
        if (line != null) {
            r.then().body("errors[0].line", equalTo(line)).body("detail", containsString("line " + line));
        }
        assertEquals(before, rowCounts(), "a rejected import writes nothing");
        admin().get("/v1/articles/" + slug).then().statusCode(404);
    }

    private static JsonPath importText(byte[] body, String slug, String status) {
        return admin().contentType(TEXT)
                .body(body)
                .queryParam("slug", slug)
                .queryParam("status", status)
                .post("/v1/imports")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            s.append((char) ('a' + Character.digit(c, 16)));
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Lossless round trip

    @Test
    void everySeedImportsLosslesslyAndExportsByteIdentical() {
        for (String file : SEEDS) {
            String slug = importSeed(file, "draft");
            Response exported = admin().accept("text/plain").get("/v1/articles/" + slug);
            exported.then().statusCode(200).contentType(startsWith("text/plain"));
            assertArrayEquals(seed(file), exported.asByteArray(), file + " must come back byte for byte");
        }
    }

    @Test
    void theBundledSampleArticlesExportByteIdentical() {
        Map<String, String> samples = Map.of(
                "kratom-natural-pain-management", SEEDS[0],
                "kratom-muscle-soreness-relief", SEEDS[1],
                "kratom-opioid-withdrawal", SEEDS[2],
                "kratom-chronic-pain", SEEDS[3],
                "kratom-supplements-pain-management", SEEDS[4]);
        samples.forEach((slug, file) -> {
            Response exported = anonymous().accept("text/plain").get("/v1/articles/" + slug);
            // Exactly: the server's qs preference is not the client's business.
            exported.then().statusCode(200).header("Content-Type", equalToIgnoringCase("text/plain;charset=utf-8"));
            assertArrayEquals(seed(file), exported.asByteArray(), slug);
        });
    }

    @Test
    void layoutDetailsSurviveTheRoundTrip() {
        // CRLF line endings, a byte order mark and a final newline are all kept.
        byte[] crlf = utf8("\uFEFF" + text(SMALL).replace("\n", "\r\n") + "\r\n");
        String slug = uniqueSlug("crlf");
        importText(crlf, slug, "draft");
        byte[] back = admin().accept("text/plain")
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(crlf, back);
        admin().get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .body("summary", equalTo(SMALL.get(0)))
                .body("conclusion", equalTo(SMALL.get(10)));
    }

    // ------------------------------------------------------------------------------------------
    // Every part in its place

    @Test
    void seed001PutsEveryPartInItsPlace() {
        String slug = importSeed(SEEDS[1], "draft");
        String[] lines = new String(seed(SEEDS[1]), StandardCharsets.UTF_8).split("\n", -1);
        assertEquals(32, lines.length);

        Response r = admin().get("/v1/articles/" + slug);
        r.then()
                .statusCode(200)
                .body("slug", equalTo(slug))
                .body("status", equalTo("draft"))
                .body("version", equalTo(1))
                .body("summary", startsWith("Muscle soreness, a common issue, benefits from kratom, a natural herb"))
                .body(
                        "summary",
                        endsWith("consult healthcare professionals, maintain hydration, and monitor reactions."))
                .body("introduction", startsWith("Muscle soreness, a common affliction affecting athletes"))
                .body("introduction", endsWith("offering readers a comprehensive guide to make informed decisions."))
                .body(
                        "sections.heading",
                        contains(
                                "Understanding Muscle Soreness and Kratom's Role",
                                "Exploring Kratom's Active Compounds for Relief",
                                "Potential Side Effects: Can Kratom Cause Hair Loss?"))
                .body(
                        "sections.anchor",
                        contains(
                                "understanding-muscle-soreness-and-kratoms-role",
                                "exploring-kratoms-active-compounds-for-relief",
                                "potential-side-effects-can-kratom-cause-hair-loss"))
                .body("sections[0].paragraphs.size()", equalTo(3))
                .body("sections[1].paragraphs.size()", equalTo(3))
                .body("sections[2].paragraphs.size()", equalTo(3))
                .body("sections[0].paragraphs[0]", startsWith("Muscle soreness is a common physiological response"))
                .body(
                        "sections[0].paragraphs[1]",
                        startsWith("Kratom, a natural herb derived from the plant Mitragyna speciosa"))
                .body("sections[0].paragraphs[2]", startsWith("While kratom is often considered a safe alternative"))
                .body(
                        "sections[1].paragraphs[0]",
                        startsWith("Kratom, derived from the tropical plant Mitragyna speciosa"))
                .body(
                        "sections[1].paragraphs[1]",
                        startsWith("Research suggests that kratom\u2019s mechanism of action"))
                .body("sections[1].paragraphs[2]", startsWith("While generally well-tolerated, it\u2019s essential"))
                .body("sections[2].paragraphs[0]", startsWith("Kratom, a herb known for its pain-relieving"))
                .body(
                        "sections[2].paragraphs[1]",
                        startsWith("Several factors could contribute to perceived hair loss"))
                .body(
                        "sections[2].paragraphs[2]",
                        startsWith("If you\u2019re experiencing hair loss and suspect kratom"))
                .body("conclusion", startsWith("After exploring the role of kratom"))
                .body("conclusion", endsWith("professional guidance are readily accessible."))
                .body(
                        "relatedResources.intro",
                        equalTo(
                                "Here are 7 authoritative resources for an article about muscle soreness relief with kratom:"))
                .body("relatedResources.items.size()", equalTo(7))
                .body(
                        "relatedResources.items.name",
                        contains(
                                "National Institutes of Health (NIH)",
                                "PubMed",
                                "WebMD",
                                "Medical News Today",
                                "Kratom Review",
                                "American Botanical Council",
                                "National Center for Complementary and Integrative Health (NCCIH)"))
                .body(
                        "relatedResources.items.type",
                        contains(
                                "Government Portal",
                                "Academic Database",
                                "Health Information Website",
                                "Healthcare Media Platform",
                                "Internal Guide",
                                "Industry Organization",
                                "Government Agency"))
                .body(
                        "relatedResources.items.url",
                        contains(
                                "https://www.nih.gov",
                                "https://pubmed.ncbi.nlm.nih.gov/",
                                "https://www.webmd.com",
                                "https://www.medicalnewstoday.com/",
                                "/kratom-review",
                                "https://www.herbalgram.org/",
                                "https://www.nccih.nih.gov/"))
                .body(
                        "relatedResources.items[0].description",
                        equalTo("Offers comprehensive information on health and medical "
                                + "research, including insights into herbal supplements like kratom."))
                .body("relatedResources.items[4].name", equalTo("Kratom Review"))
                .body("relatedResources.items[4].type", equalTo("Internal Guide"))
                .body("relatedResources.items[4].url", equalTo("/kratom-review"))
                .body(
                        "relatedResources.items[4].description",
                        equalTo("An in-house guide providing an in-depth analysis of "
                                + "kratom\u2019s safety, efficacy, and various forms, including its potential application for muscle "
                                + "soreness relief within the context of our brand\u2019s offerings."))
                .body("author.name", equalTo("Dr. Emily Parker"))
                .body("author.slug", equalTo("dr-emily-parker"))
                .body("author.bio", startsWith("Dr. Emily Parker is a renowned Natural Health Specialist"))
                .body("author.bio", endsWith("with meticulous care and clinical expertise."));

        // And each part is exactly its line of the file, nothing trimmed or joined.
        JsonPath a = r.jsonPath();
        assertEquals(lines[0], a.getString("summary"));
        assertEquals(lines[1], a.getString("introduction"));
        assertEquals(List.of(lines[7], lines[8], lines[9]), a.getList("sections[0].paragraphs"));
        assertEquals(List.of(lines[12], lines[13], lines[14]), a.getList("sections[1].paragraphs"));
        assertEquals(List.of(lines[17], lines[18], lines[19]), a.getList("sections[2].paragraphs"));
        assertEquals(lines[20], a.getString("conclusion"));
        assertEquals(lines[31], a.getString("author.bio"));
    }

    // ------------------------------------------------------------------------------------------
    // Claims

    @Test
    void claimAndCitationOffsetsPointAtTheirTextInEverySeed() {
        int total = 0;
        for (String file : SEEDS) {
            String slug = importSeed(file, "draft");
            JsonPath a = admin().get("/v1/articles/" + slug)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> claims = a.getList("claims");
            for (Map<String, Object> claim : claims) {
                String paragraph = paragraphOf(a, claim);
                String where = file + " claim " + claim.get("id");
                int start = (Integer) claim.get("start");
                int end = (Integer) claim.get("end");
                assertTrue(
                        0 <= start && start < end && end <= paragraph.length(),
                        where + " offsets inside the paragraph");
                assertEquals(paragraph.substring(start, end), claim.get("text"), where);
                assertEquals(slug, claim.get("article"));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> citations = (List<Map<String, Object>>) claim.get("citations");
                assertEquals(
                        "cited".equals(claim.get("attribution")),
                        !citations.isEmpty(),
                        where + " cites exactly when cited");
                for (Map<String, Object> citation : citations) {
                    int cs = (Integer) citation.get("start");
                    int ce = (Integer) citation.get("end");
                    assertTrue(start <= cs && cs < ce && ce <= end, where + " citation lies inside its claim");
                    assertEquals(paragraph.substring(cs, ce), citation.get("text"), where + " citation");
                }
                total++;
            }
            if (file.equals(SEEDS[0]) || file.equals(SEEDS[1]) || file.equals(SEEDS[3])) {
                assertFalse(claims.isEmpty(), file + " cites sources, so it has claims");
            }
        }
        assertTrue(total >= 8, "claims found: " + total);
    }

    @Test
    void claimsOfSeed001AreTheSentencesThatCiteAndSitWhereTheyAre() {
        String slug = importSeed(SEEDS[1], "draft");
        JsonPath a = admin().get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // Lines 9, 14 and 19 of the file cite a journal: one cited claim each, in reading order.
        String cited = "claims.findAll { it.attribution == 'cited' }";
        assertEquals(List.of("section", "section", "section"), a.getList(cited + ".location"));
        assertEquals(
                List.of(
                        "understanding-muscle-soreness-and-kratoms-role",
                        "exploring-kratoms-active-compounds-for-relief",
                        "potential-side-effects-can-kratom-cause-hair-loss"),
                a.getList(cited + ".sectionAnchor"));
        assertEquals(List.of(1, 1, 1), a.getList(cited + ".paragraph"));
        assertTrue(
                a.getString(cited + "[0].text")
                        .startsWith(
                                "For instance, a study published in Pharmacognosy Research (2017) demonstrated that kratom extract"));
        assertTrue(a.getString(cited + "[2].text")
                .startsWith("A study published in the Journal of Ethnopharmacology (2017) found no evidence"));
        assertTrue(
                a.getString(cited + "[0].citations[0].text").contains("Pharmacognosy Research (2017)"),
                a.getString(cited + "[0].citations[0].text"));
        assertEquals("denies", a.getString(cited + "[2].stance"));
        assertEquals("kratom", a.getString(cited + "[2].supplement"));
        assertEquals("hair-loss", a.getString(cited + "[2].outcome"));
    }

    private static String paragraphOf(JsonPath article, Map<String, Object> claim) {
        String location = (String) claim.get("location");
        switch (location) {
            case "summary":
            case "introduction":
            case "conclusion":
                assertEquals(null, claim.get("sectionAnchor"), "no anchor outside sections");
                assertEquals(0, claim.get("paragraph"));
                return article.getString(location);
            case "section":
                List<Map<String, Object>> sections = article.getList("sections");
                for (Map<String, Object> s : sections) {
                    if (s.get("anchor").equals(claim.get("sectionAnchor"))) {
                        @SuppressWarnings("unchecked")
                        List<String> paragraphs = (List<String>) s.get("paragraphs");
                        return paragraphs.get((Integer) claim.get("paragraph"));
                    }
                }
                throw new AssertionError("no section " + claim.get("sectionAnchor"));
            default:
                throw new AssertionError("unknown location " + location);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Shared sources

    private static long sourceId(JsonPath article, String name, Integer year) {
        List<Map<String, Object>> sources = article.getList("sources");
        return sources.stream()
                .filter(s -> name.equals(s.get("name")) && java.util.Objects.equals(year, s.get("year")))
                .map(s -> ((Number) s.get("id")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no source " + name + " " + year + " in " + sources));
    }

    private static Map<String, Long> relatedSourceIdsByUrl(JsonPath article) {
        Map<String, Long> ids = new HashMap<>();
        List<Map<String, Object>> items = article.getList("relatedResources.items");
        items.forEach(i -> ids.put((String) i.get("url"), ((Number) i.get("sourceId")).longValue()));
        return ids;
    }

    @Test
    void theSameSourceCitedTwiceIsOneSource() {
        JsonPath first = admin().get("/v1/articles/" + importSeed(SEEDS[1], "draft"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath second = admin().get("/v1/articles/" + importSeed(SEEDS[1], "draft"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath sample = anonymous()
                .get("/v1/articles/kratom-muscle-soreness-relief")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        long pharmacognosy2017 = sourceId(first, "Pharmacognosy Research", 2017);
        assertEquals(pharmacognosy2017, sourceId(second, "Pharmacognosy Research", 2017));
        assertEquals(pharmacognosy2017, sourceId(sample, "Pharmacognosy Research", 2017));
        // Both claims citing it in one article point at the one source.
        List<Object> cited = first.getList(
                "claims.findAll { it.text.contains('Pharmacognosy Research (2017)') }.collect { it.citations[0].sourceId }");
        assertEquals(
                List.of(pharmacognosy2017, pharmacognosy2017),
                cited.stream().map(o -> ((Number) o).longValue()).toList());

        Map<String, Long> related = relatedSourceIdsByUrl(first);
        assertEquals(7, related.size());
        assertEquals(related, relatedSourceIdsByUrl(second));
        assertEquals(related, relatedSourceIdsByUrl(sample));
        assertEquals(7, new java.util.HashSet<>(related.values()).size(), "seven resources, seven sources");

        // The article lists every source it cites or recommends, each once.
        List<Long> listed = first.getList("sources.id").stream()
                .map(o -> ((Number) o).longValue())
                .toList();
        assertEquals(listed.size(), new java.util.HashSet<>(listed).size());
        assertTrue(listed.containsAll(related.values()));
        assertTrue(listed.contains(pharmacognosy2017));
    }

    @Test
    void aJournalInAnotherYearIsAnotherSource() {
        JsonPath seed000 = admin().get("/v1/articles/" + importSeed(SEEDS[0], "draft"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath seed001 = admin().get("/v1/articles/" + importSeed(SEEDS[1], "draft"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long y2019 = sourceId(seed000, "Pharmacognosy Research", 2019);
        long y2017 = sourceId(seed001, "Pharmacognosy Research", 2017);
        assertNotEquals(y2017, y2019);
        anonymous()
                .get("/v1/sources/" + y2019)
                .then()
                .statusCode(200)
                .body("kind", equalTo("journal"))
                .body("name", equalTo("Pharmacognosy Research"))
                .body("year", equalTo(2019));
        anonymous().get("/v1/sources/" + y2017).then().statusCode(200).body("year", equalTo(2017));
    }

    @Test
    void theFdaWarningInSeed003CitesAnOrganization() {
        JsonPath a = admin().get("/v1/articles/" + importSeed(SEEDS[3], "draft"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> claims =
                a.getList("claims.findAll { it.text.contains('The FDA has issued warnings') }");
        assertEquals(1, claims.size(), "the sentence of the last section citing the FDA");
        assertEquals(
                "balancing-benefits-and-risks-kratom-for-pain-relief",
                claims.get(0).get("sectionAnchor"));
        @SuppressWarnings("unchecked")
        Map<String, Object> citation =
                ((List<Map<String, Object>>) claims.get(0).get("citations")).get(0);
        assertTrue(((String) citation.get("text")).contains("FDA"), String.valueOf(citation));
        long id = ((Number) citation.get("sourceId")).longValue();
        Map<String, Object> source = a.getMap("sources.find { it.id == " + id + " }");
        assertNotNull(source);
        assertEquals("organization", source.get("kind"));
        assertEquals("FDA", source.get("name"));
    }

    // ------------------------------------------------------------------------------------------
    // Bad text

    @Test
    void aTextWithoutTableOfContentsIs400NamingLine3() {
        assertRejected(
                utf8(text(edited(l -> {
                    l.remove(3);
                    l.remove(2);
                }))),
                3,
                "missing-toc");
    }

    @Test
    void aHeadingMatchingNoTocEntryIs400NamingItsLine() {
        // Inserted as line 8, between the two paragraphs of the first section.
        assertRejected(utf8(text(edited(l -> l.add(7, "A Heading Nobody Listed")))), 8, "unknown-heading");
    }

    @Test
    void aTocEntryWithoutSectionIs400NamingTheTocLine() {
        // The new entry is line 4; its heading never occurs in the body.
        assertRejected(utf8(text(edited(l -> l.add(3, "- Where It Grows")))), 4, "toc-entry-without-section");
    }

    @Test
    void anEmptyBodyIs400() {
        assertRejected(new byte[0], null, "empty-body");
        assertRejected(utf8(" \n\t\n"), null, "empty-body");
    }

    @Test
    void binaryJunkIs400() {
        byte[] junk = new byte[4096];
        new Random(20240521L).nextBytes(junk);
        assertRejected(junk, null, "not-utf8", "control-characters");
    }

    @Test
    void aParagraphOver20000CharactersIs400NamingItsLine() {
        String longParagraph = "Kratom " + "leaves ".repeat(3000) + "are long.";
        assertTrue(longParagraph.length() > 20000);
        assertRejected(utf8(text(edited(l -> l.set(6, longParagraph)))), 7, "too-long");
    }

    @Test
    void aTenMegabyteBodyIs413AndWritesNothing() {
        Map<String, Long> before = rowCounts();
        String slug = uniqueSlug("huge");
        StringBuilder huge = new StringBuilder(text(SMALL.subList(0, 7)));
        String filler = "\nKratom is a tropical tree whose leaves contain mitragynine.";
        while (huge.length() < 10 * 1024 * 1024) {
            huge.append(filler);
        }
        huge.append("\n").append(text(SMALL.subList(7, 11)));
        adminInvalid()
                .contentType(TEXT)
                .body(utf8(huge.toString()))
                .queryParam("slug", slug)
                .post("/v1/imports")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(413))
                .body("type", equalTo("/problems/payload-too-large"));
        assertEquals(before, rowCounts());
        admin().get("/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void aChunkedBodyIsImportedUpToTheLimitAndAProblemOverIt() throws Exception {
        String small = uniqueSlug("chunked");
        assertEquals(201, postChunked(small, utf8(text(SMALL))).statusCode());
        assertArrayEquals(
                utf8(text(SMALL)),
                anonymous()
                        .accept("text/plain")
                        .get("/v1/articles/" + small)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());

        Map<String, Long> before = rowCounts();
        String huge = uniqueSlug("chunked-huge");
        HttpResponse<String> refused = postChunked(huge, new byte[3 * 1024 * 1024]);
        assertEquals(413, refused.statusCode());
        assertEquals(PROBLEM_JSON, refused.headers().firstValue("Content-Type").orElse(null));
        assertTrue(refused.body().contains("/problems/payload-too-large"), refused.body());
        assertEquals(before, rowCounts());
        admin().get("/v1/articles/" + huge).then().statusCode(404);
    }

    /** A body of unknown length: the client sends it chunked. */
    private static HttpResponse<String> postChunked(String slug, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        RestAssured.baseURI + ":" + RestAssured.port + "/v1/imports?status=published&slug=" + slug))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", TEXT)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------------------------------
    // Conflicts, dry runs, atomicity

    @Test
    void aTakenSlugIs409AndLeavesTheExistingArticleAlone() {
        String slug = uniqueSlug("dup");
        importText(utf8(text(SMALL)), slug, "published");
        Map<String, Long> before = rowCounts();

        admin().contentType(TEXT)
                .body(seed(SEEDS[1]))
                .queryParam("slug", slug)
                .post("/v1/imports")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409))
                .body("detail", containsString(slug));

        assertEquals(before, rowCounts());
        anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("summary", equalTo(SMALL.get(0)))
                .body("sections.heading", contains("What Kratom Is", "How People Use It"));
    }

    @Test
    void aDryRunReturnsTheParsedArticleAndStoresNothing() {
        Map<String, Long> before = rowCounts();
        String slug = uniqueSlug("dry");
        Response r = admin().contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", slug)
                .queryParam("title", "Kratom Dry Run")
                .queryParam("dryRun", true)
                .post("/v1/imports");
        r.then()
                .statusCode(200)
                .header("Location", nullValue())
                .body("slug", equalTo(slug))
                .body("title", equalTo("Kratom Dry Run"))
                .body("summary", equalTo(SMALL.get(0)))
                .body("sections.heading", contains("What Kratom Is", "How People Use It"))
                .body("sections[0].paragraphs", contains(SMALL.get(6), SMALL.get(7)))
                .body("conclusion", equalTo(SMALL.get(10)))
                .body("claims.findAll { it.attribution == 'cited' }.size()", equalTo(1))
                .body("claims.findAll { it.attribution == 'cited' }[0].sectionAnchor", equalTo("what-kratom-is"))
                .body("claims.findAll { it.attribution == 'cited' }[0].paragraph", equalTo(1))
                .body(
                        "claims.findAll { it.attribution == 'cited' }[0].citations[0].text",
                        containsString("Pharmacognosy Research (2017)"))
                .body("sources.name", hasItem("Pharmacognosy Research"))
                .body("$", not(hasKey("id")))
                .body("$", not(hasKey("version")))
                .body("claims.id", everyItem(lessThan(0)))
                .body("claims.citations.flatten().id", everyItem(lessThan(0)));
        // A cited source is one of the preview's sources; one that exists has its real id, one that would be new a
        // negative one.
        List<Number> sourceIds = r.jsonPath().getList("sources.id", Number.class);
        assertTrue(sourceIds.containsAll(r.jsonPath().getList("claims.citations.flatten().sourceId", Number.class)));
        for (Number id : sourceIds) {
            admin().get("/v1/sources/" + Math.abs(id.longValue())).then().statusCode(id.longValue() > 0 ? 200 : 404);
        }

        admin().get("/v1/articles/" + slug).then().statusCode(404).contentType(PROBLEM_JSON);
        admin().accept("text/plain").get("/v1/articles/" + slug).then().statusCode(404);
        assertEquals(before, rowCounts(), "a dry run writes nothing");

        // The slug is still free: a real import takes it.
        importText(utf8(text(SMALL)), slug, "draft");
    }

    @Test
    void aDryRunStillReportsBadTextAndTakenSlugs() {
        String slug = uniqueSlug("drybad");
        adminInvalid()
                .contentType(TEXT)
                .body(utf8(text(edited(l -> l.add(7, "A Heading Nobody Listed")))))
                .queryParam("slug", slug)
                .queryParam("dryRun", true)
                .post("/v1/imports")
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("unknown-heading"));
        admin().contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", "kratom-muscle-soreness-relief")
                .queryParam("dryRun", true)
                .post("/v1/imports")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void anAuthorLineWithoutANameIs400AndNothingOfTheImportIsKept() {
        // A source, a related resource and a topic that exist nowhere else, so their rows would show too.
        String tag = letters();
        List<String> lines = edited(l -> l.set(
                7,
                "A study published in Journal of Nameless " + Character.toUpperCase(tag.charAt(0)) + tag.substring(1)
                        + " (2012) demonstrated that kratom extract reduced pain in mice."));
        lines.add("Related Resources");
        lines.add("One resource:");
        lines.add("- Nameless Guide (Internal Guide): [A guide.] – /nameless-" + tag);
        lines.add("About the Author");
        lines.add("the best writer ever is me.");
        Map<String, Long> before = rowCounts();
        String slug = uniqueSlug("noname");

        for (String dryRun : List.of("true", "false")) {
            adminInvalid()
                    .contentType(TEXT)
                    .body(utf8(text(lines)))
                    .queryParam("slug", slug)
                    .queryParam("topic", "topic-" + tag)
                    .queryParam("dryRun", dryRun)
                    .post("/v1/imports")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(400))
                    .body("errors[0].rule", equalTo("author-without-name"))
                    .body("errors[0].line", equalTo(lines.size()))
                    .body("detail", containsString("name"));
            assertEquals(before, rowCounts(), "no section, claim, source or topic of the rejected import is kept");
        }
        admin().get("/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void anAuthorLineWithANameImportsTheAuthor() {
        String tag = letters();
        String name = "Dr. Zora " + Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
        List<String> lines = new ArrayList<>(SMALL);
        lines.add("About the Author");
        lines.add(name + " is a botanist who writes about tropical plants.");
        String slug = uniqueSlug("author");
        JsonPath a = importText(utf8(text(lines)), slug, "published");
        assertEquals(name, a.getString("author.name"));
        assertEquals("dr-zora-" + tag, a.getString("author.slug"));
        anonymous()
                .get("/v1/authors/dr-zora-" + tag)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("articles.slug", contains(slug));
    }

    // ------------------------------------------------------------------------------------------
    // Parameters, keys and media types

    @Test
    void importWithoutAKeyIs401() {
        Map<String, Long> before = rowCounts();
        invalidRequest()
                .contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", uniqueSlug("nokey"))
                .post("/v1/imports")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"));
        invalidRequest()
                .header("Authorization", "Bearer wrong-key")
                .contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", uniqueSlug("badkey"))
                .post("/v1/imports")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
        assertEquals(before, rowCounts());
    }

    @Test
    void aJsonBodyIs415() {
        adminInvalid()
                .contentType("application/json")
                .body("{\"summary\":\"x\"}")
                .queryParam("slug", uniqueSlug("json"))
                .post("/v1/imports")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(415));
    }

    @Test
    void theSlugIsDerivedFromTheTitleWhenNotGiven() {
        String tag = letters();
        admin().contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("title", "Kratom Basics 2 " + tag)
                .post("/v1/imports")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/v1/articles/kratom-basics-2-" + tag))
                .body("slug", equalTo("kratom-basics-2-" + tag))
                .body("title", equalTo("Kratom Basics 2 " + tag));
        admin().get("/v1/articles/kratom-basics-2-" + tag)
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"));
    }

    @Test
    void titleAndSlugComeFromTheFirstHeadingWhenNeitherIsGiven() {
        String heading = "Kratom Field Notes " + letters();
        List<String> lines = edited(l -> {
            l.set(2, "- " + heading);
            l.set(4, heading);
        });
        String slug = "kratom-field-notes-" + heading.substring("Kratom Field Notes ".length());
        admin().contentType(TEXT)
                .body(utf8(text(lines)))
                .post("/v1/imports")
                .then()
                .statusCode(201)
                .body("slug", equalTo(slug))
                .body("title", equalTo(heading));
    }

    @Test
    void anInvalidSlugParameterIs400NamingIt() {
        Map<String, Long> before = rowCounts();
        admin().contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", "Bad Slug")
                .post("/v1/imports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("slug"));
        adminInvalid()
                .contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", uniqueSlug("st"))
                .queryParam("status", "archived")
                .post("/v1/imports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("status"));
        adminInvalid()
                .contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", uniqueSlug("dr"))
                .queryParam("dryRun", "maybe")
                .post("/v1/imports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("dryRun"));
        assertEquals(before, rowCounts());
    }

    @Test
    void publishedImportsArePublicAndDraftsAreNot() {
        String published = uniqueSlug("pub");
        admin().contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", published)
                .queryParam("status", "published")
                .queryParam("topic", "kratom")
                .post("/v1/imports")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/v1/articles/" + published))
                .body("status", equalTo("published"))
                .body("publishedAt", notNullValue())
                .body("topics", contains("kratom"));
        anonymous().get("/v1/articles/" + published).then().statusCode(200).body("status", equalTo("published"));
        anonymous().accept("text/plain").get("/v1/articles/" + published).then().statusCode(200);

        String draft = uniqueSlug("draft");
        admin().contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", draft)
                .post("/v1/imports")
                .then()
                .statusCode(201)
                .body("status", equalTo("draft"))
                .body("publishedAt", nullValue());
        anonymous().get("/v1/articles/" + draft).then().statusCode(404).contentType(PROBLEM_JSON);
        anonymous().accept("text/plain").get("/v1/articles/" + draft).then().statusCode(404);
        admin().get("/v1/articles/" + draft).then().statusCode(200).body("status", equalTo("draft"));
        anonymous()
                .queryParam("limit", 100)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.not(hasItem(draft)));
        assertTrue(count("select count(*) from article where slug = '" + draft + "'") == 1);
        assertTrue(
                count("select count(*) from claim c join article a on a.id = c.article_id where a.slug = '" + draft
                                + "'")
                        > 0,
                "claims are extracted for drafts too");
        assertTrue(count("select count(*) from section s join article a on a.id = s.article_id where a.slug = '" + draft
                        + "'")
                == 2);
    }

    // ------------------------------------------------------------------------------------------
    // More format errors, each naming its line

    @Test
    void lineNumbersCountTheSameWithAByteOrderMarkAndCrlf() {
        String bad = text(edited(l -> l.add(7, "A Heading Nobody Listed")));
        assertRejected(utf8("\uFEFF" + bad), 8, "unknown-heading");
        assertRejected(utf8(bad.replace("\n", "\r\n")), 8, "unknown-heading");
    }

    @Test
    void mixedLineEndingsAndControlCharactersAre400NamingTheLine() {
        String mixed = text(SMALL.subList(0, 4)) + "\r\n" + text(SMALL.subList(4, 11));
        assertRejected(utf8(mixed), 4, "mixed-line-endings");
        assertRejected(utf8(text(edited(l -> l.set(6, "Kratom is a tropical \u0007tree.")))), 7, "control-characters");
    }

    @Test
    void overlongBioAndMalformedResourceAre400NamingTheirLines() {
        List<String> withBio = new ArrayList<>(SMALL);
        withBio.add("About the Author");
        withBio.add("Dr. Long Bio is " + "very ".repeat(1100) + "verbose.");
        assertRejected(utf8(text(withBio)), 13, "too-long");

        List<String> withResources = new ArrayList<>(SMALL);
        withResources.add("Related Resources");
        withResources.add("Two resources:");
        withResources.add("- PubMed (Academic Database): [Studies.] \u2013 https://pubmed.ncbi.nlm.nih.gov/");
        withResources.add("- WebMD (Health Website): [Overviews.] - https://www.webmd.com");
        assertRejected(utf8(text(withResources)), 15, "malformed-resource");
    }

    @Test
    void aBodyJustUnderTheLimitIsAClear400NotAFailure() {
        // ~1.9 MB: one section with far more paragraphs than allowed.
        List<String> lines = new ArrayList<>(SMALL.subList(0, 7));
        while (lines.size() < 32000) {
            lines.add("Kratom is a tropical tree whose leaves contain mitragynine.");
        }
        lines.addAll(SMALL.subList(7, 11));
        byte[] body = utf8(text(lines));
        assertTrue(body.length < 2 * 1024 * 1024, "under 2 MiB: " + body.length);
        assertRejected(body, null, "too-many");
    }

    @Test
    void invalidTitleAndTopicParametersAre400NamingThem() {
        Map<String, Long> before = rowCounts();
        admin().contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", uniqueSlug("t"))
                .queryParam("title", "T".repeat(301))
                .post("/v1/imports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("title"));
        admin().contentType(TEXT)
                .body(utf8(text(SMALL)))
                .queryParam("slug", uniqueSlug("t"))
                .queryParam("topic", "Not A Topic")
                .post("/v1/imports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("topic"));
        assertEquals(before, rowCounts());
    }

    // ------------------------------------------------------------------------------------------
    // Offsets beyond the BMP, claims outside sections, URL identity

    @Test
    void offsetsAreUtf16AndClaimsOutsideSectionsSayWhereTheyAre() {
        List<String> lines = edited(l -> {
            l.set(
                    1,
                    "Readers \uD83C\uDF3F ask: a study published in Journal of Clinical Medicine (2020) found that kratom eased pain.");
            l.set(
                    7,
                    "Caf\u00e9 \uD83D\uDE00\uD83D\uDE00 owners say so. A study published in Pharmacognosy Research (2017) demonstrated that kratom extract reduced pain in mice.");
            l.set(10, "In short, the FDA has issued warnings about kratom.");
        });
        String slug = uniqueSlug("utf16");
        JsonPath a = importText(utf8(text(lines)), slug, "draft");
        List<Map<String, Object>> claims = a.getList("claims.findAll { it.attribution == 'cited' }");
        assertEquals(
                List.of("introduction", "section", "conclusion"),
                a.getList("claims.findAll { it.attribution == 'cited' }.location"));
        assertEquals(
                java.util.Arrays.asList(null, "what-kratom-is", null),
                a.getList("claims.findAll { it.attribution == 'cited' }.sectionAnchor"));
        for (Map<String, Object> claim : claims) {
            String paragraph = paragraphOf(a, claim);
            assertEquals(
                    paragraph.substring((Integer) claim.get("start"), (Integer) claim.get("end")), claim.get("text"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> citations = (List<Map<String, Object>>) claim.get("citations");
            for (Map<String, Object> c : citations) {
                assertEquals(paragraph.substring((Integer) c.get("start"), (Integer) c.get("end")), c.get("text"));
            }
        }
        // Two emoji are four UTF-16 code units: the claim starts after "Caf\u00e9 " + 4 units + " owners say so. ".
        assertEquals(
                "Caf\u00e9 \uD83D\uDE00\uD83D\uDE00 owners say so. ".length(),
                claims.get(1).get("start"));
        assertEquals(0, claims.get(0).get("paragraph"));
        assertEquals(0, claims.get(2).get("paragraph"));
    }

    @Test
    void aRelatedResourceWithTheSameUrlSpelledDifferentlyIsTheSameSource() {
        JsonPath sample = anonymous()
                .get("/v1/articles/kratom-muscle-soreness-relief")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long nih = ((Number) sample.get("relatedResources.items.find { it.url == 'https://www.nih.gov' }.sourceId"))
                .longValue();
        List<String> lines = new ArrayList<>(SMALL);
        lines.add("Related Resources");
        lines.add("One resource:");
        lines.add("- NIH (Government Portal): [Health research.] \u2013 https://WWW.NIH.gov/");
        JsonPath a = importText(utf8(text(lines)), uniqueSlug("nih"), "draft");
        assertEquals(nih, ((Number) a.get("relatedResources.items[0].sourceId")).longValue());
        assertEquals("NIH", a.getString("relatedResources.items[0].name"), "the article keeps its own wording");
        assertEquals("https://WWW.NIH.gov/", a.getString("relatedResources.items[0].url"));
    }

    @Test
    void whitespaceUnicodeAndOddHeadingsSurviveTheRoundTrip() {
        List<String> lines = List.of(
                "Kratom\u00a0may ease pain,\tbut its risks are debated.  ",
                "Many readers ask what kratom does\u2026 and what Cafe\u0301 owners think. ",
                "- What Kratom Is ",
                "- ???",
                "- What Kratoms Is",
                "What Kratom Is ",
                "Kratom is a tropical tree whose leaves contain mitragynine.\t",
                "???",
                "",
                "\u2003Indented with an em space, \uD83C\uDF3F and all.",
                "What Kratoms Is",
                "Almost the same heading, so its anchor must differ.",
                "Talk to a doctor before trying any supplement.   ");
        byte[] body = utf8(text(lines) + "\n");
        String slug = uniqueSlug("ws");
        JsonPath a = importText(body, slug, "draft");
        assertEquals(lines.get(0), a.getString("summary"));
        assertEquals(List.of("What Kratom Is ", "???", "What Kratoms Is"), a.getList("sections.heading"));
        List<String> anchors = a.getList("sections.anchor");
        assertEquals(3, new java.util.HashSet<>(anchors).size(), "anchors are unique: " + anchors);
        assertEquals(List.of(lines.get(6)), a.getList("sections[0].paragraphs"));
        assertEquals(List.of(lines.get(9)), a.getList("sections[1].paragraphs"));
        assertEquals(lines.get(12), a.getString("conclusion"));
        byte[] back = admin().accept("text/plain")
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(body, back);
    }

    @Test
    void aDryRunIsNotFoundBySearch() {
        String word = "zqx" + letters();
        List<String> lines = edited(l -> l.set(9, "Most people brew the " + word + " leaves as a tea."));
        admin().contentType(TEXT)
                .body(utf8(text(lines)))
                .queryParam("slug", uniqueSlug("drysearch"))
                .queryParam("dryRun", true)
                .post("/v1/imports")
                .then()
                .statusCode(200);
        admin().queryParam("q", word).get("/v1/articles").then().statusCode(200).body("items.size()", equalTo(0));
        String slug = uniqueSlug("wetsearch");
        importText(utf8(text(lines)), slug, "draft");
        admin().queryParam("q", word).get("/v1/articles").then().statusCode(200).body("items.slug", contains(slug));
    }

    /** Each line stands alone: good lines are imported whole, bad ones are answered with their problem and leave nothing. */
    @Test
    void aBatchImportsEachLineWholeOrNotAtAllAndAnswersEveryLine() throws Exception {
        String taken = importSeed(SEEDS[3], "draft");
        String good = uniqueSlug("batch");
        String badText = uniqueSlug("batch");
        String second = uniqueSlug("batch");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String body = String.join(
                "\n",
                json.writeValueAsString(Map.of(
                        "slug",
                        good,
                        "status",
                        "published",
                        "topics",
                        List.of("batch"),
                        "text",
                        new String(seed(SEEDS[0]), java.nio.charset.StandardCharsets.UTF_8))),
                "{not json",
                json.writeValueAsString(Map.of("slug", badText, "text", "One line only")),
                "",
                json.writeValueAsString(Map.of(
                        "slug", taken, "text", new String(seed(SEEDS[1]), java.nio.charset.StandardCharsets.UTF_8))),
                json.writeValueAsString(Map.of(
                        "slug", second, "text", new String(seed(SEEDS[2]), java.nio.charset.StandardCharsets.UTF_8))));
        JsonPath result = admin().contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/imports/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, result.getInt("imported"));
        assertEquals(3, result.getInt("failed"));
        assertEquals(List.of(1, 2, 3, 5, 6), result.getList("items.line"));
        assertEquals(List.of(201, 400, 400, 409, 201), result.getList("items.status"));
        assertEquals("/problems/malformed-json", result.getString("items[1].problem.type"));
        assertEquals("/problems/invalid-article-text", result.getString("items[2].problem.type"));
        assertEquals(badText, result.getString("items[2].slug"));

        admin().get("/v1/articles/" + badText).then().statusCode(404);
        admin().get("/v1/articles/" + taken).then().statusCode(200).body("status", equalTo("draft"));
        anonymous()
                .get("/v1/articles/" + good)
                .then()
                .statusCode(200)
                .body("id", equalTo(result.getInt("items[0].id")))
                .body("topics", contains("batch"));
        byte[] back = admin().accept("text/plain")
                .get("/v1/articles/" + second)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(seed(SEEDS[2]), back, "a batch line's text exports byte-identical, as a single import's");
    }

    @Test
    void aBatchNeedsNdjsonAndALine() {
        adminInvalid()
                .contentType("application/x-ndjson")
                .body(new byte[0])
                .post("/v1/imports/batch")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/empty-batch"));
        adminInvalid()
                .contentType(TEXT)
                .body(seed(SEEDS[0]))
                .post("/v1/imports/batch")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON);
    }
}
