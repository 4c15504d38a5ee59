package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.supplements.article.Article;
import io.supplements.article.ArticleMapper;
import io.supplements.article.ArticleRepository;
import io.supplements.article.ArticleRepresentations;
import io.supplements.article.ArticleTree;
import io.supplements.common.ETags;
import io.supplements.seedtext.SeedTextWriter;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: whatever sequence of writes runs (imports, replacements, re-imports, publishing and
 * unpublishing, claim and citation edits, renames of a shared source and of a shared author), the
 * representation stored with each article is exactly what rendering its tree gives now, and it is what a
 * read serves. Each seed is one random sequence over a few articles that share a source and an author.
 */
@QuarkusTest
class StoredRepresentationTest extends ApiTestSupport {
    private static final int STEPS = 30;
    private static final String CITED =
            "A study published in Sleep Medicine Reviews (2013) found that melatonin reduced sleep onset latency.";

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleRepresentations representations;

    /** One run's shared parts, named apart from every other run's. */
    private record Run(String tag, String author, String guideUrl, long sourceId) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void theStoredRepresentationIsAlwaysWhatRenderingGives(long seed) {
        Random random = new Random(seed);
        String tag = uniqueSlug("rep").substring(4);
        String surname = "Q" + tag.replaceAll("[^a-z]", "").replace('q', 'k') + "son";
        long sourceId = admin().contentType("application/json")
                .body(Map.of("kind", "journal", "name", "Journal of Stored Things " + tag, "year", 2020))
                .post("/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Run run = new Run(tag, "Dr. Pat " + surname, "https://example.org/guide-" + tag, sourceId);
        List<String> slugs = new ArrayList<>();

        for (int step = 0; step < STEPS; step++) {
            int op = slugs.isEmpty() ? 0 : random.nextInt(9);
            String slug = slugs.isEmpty() ? null : slugs.get(random.nextInt(slugs.size()));
            String path = "/v1/articles/" + slug;
            String what = switch (op) {
                case 0 -> {
                    String created = run.tag() + "-" + step;
                    admin().contentType(TEXT)
                            .body(text(run, random.nextBoolean() ? "A guide." : "The guide.", run.author()))
                            .queryParam("slug", created)
                            .queryParam("status", random.nextBoolean() ? "published" : "draft")
                            .post("/v1/imports")
                            .then()
                            .statusCode(201);
                    slugs.add(created);
                    yield "import " + created;
                }
                case 1 -> {
                    adminIfMatch(path)
                            .contentType("application/json")
                            .body(ClaimEditingApiTest.article(
                                    slug,
                                    List.of(CITED, "Melatonin is a hormone " + step + "."),
                                    List.of("Take it an hour before bed.")))
                            .put(path)
                            .then()
                            .statusCode(200);
                    yield "replace " + slug;
                }
                case 2 -> {
                    adminIfMatch(path)
                            .contentType(TEXT)
                            .body(text(run, "Edited guide " + step + ".", run.author()))
                            .put(path)
                            .then()
                            .statusCode(200);
                    yield "re-import " + slug;
                }
                case 3 -> {
                    adminIfMatch(path)
                            .post(path + (random.nextBoolean() ? "/publish" : "/unpublish"))
                            .then()
                            .statusCode(200);
                    yield "publish or unpublish " + slug;
                }
                case 4 -> {
                    JsonPath claims = admin().get(path + "/claims")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    List<Integer> ids = claims.getList("items.id");
                    if (ids.isEmpty()) {
                        yield "no claim to edit in " + slug;
                    }
                    int index = random.nextInt(ids.size());
                    long id = ids.get(index);
                    boolean cited =
                            !claims.getList("items[" + index + "].citations").isEmpty();
                    adminIfMatch("/v1/claims/" + id)
                            .contentType("application/json")
                            .body(Map.of(
                                    "supplement",
                                    "melatonin",
                                    "stance",
                                    random.nextBoolean() ? "asserts" : "uncertain",
                                    "hedged",
                                    random.nextBoolean(),
                                    "attribution",
                                    cited ? "cited" : "vague"))
                            .put("/v1/claims/" + id)
                            .then()
                            .log()
                            .ifValidationFails()
                            .statusCode(200);
                    yield "edit claim " + id;
                }
                case 5 -> {
                    List<Integer> ids = admin().get(path + "/claims")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items.id");
                    if (ids.isEmpty()) {
                        yield "no claim to cite from in " + slug;
                    }
                    long id = ids.get(random.nextInt(ids.size()));
                    adminIfMatch("/v1/claims/" + id)
                            .contentType("application/json")
                            .body(Map.of("sourceId", run.sourceId(), "start", 0, "end", 2))
                            .post("/v1/claims/" + id + "/citations")
                            .then()
                            .statusCode(200);
                    yield "cite the shared source from claim " + id;
                }
                case 6 -> {
                    adminIfMatch("/v1/sources/" + run.sourceId())
                            .contentType("application/json")
                            .body(Map.of(
                                    "kind",
                                    "journal",
                                    "name",
                                    "Journal of Stored Things " + run.tag(),
                                    "year",
                                    2020,
                                    "doi",
                                    "10.1234/stored." + run.tag() + "." + step))
                            .put("/v1/sources/" + run.sourceId())
                            .then()
                            .statusCode(200);
                    yield "change the shared source";
                }
                case 7 -> {
                    // A published import that spells the shared author's name differently renames the author
                    // everywhere.
                    String author = random.nextBoolean()
                            ? run.author()
                            : run.author().toUpperCase().replace("DR.", "Dr.");
                    String created = run.tag() + "-" + step;
                    admin().contentType(TEXT)
                            .body(text(run, "Another guide " + step + ".", author))
                            .queryParam("slug", created)
                            .queryParam("status", "published")
                            .post("/v1/imports")
                            .then()
                            .statusCode(201);
                    slugs.add(created);
                    yield "import " + created + " by " + author;
                }
                default -> {
                    adminIfMatch(path).delete(path).then().statusCode(204);
                    slugs.remove(slug);
                    yield "delete " + slug;
                }
            };
            for (String s : slugs) {
                assertStoredIsRendered(s, "seed " + seed + ", step " + step + " (" + what + ")");
            }
        }
    }

    private void assertStoredIsRendered(String slug, String when) {
        record Expected(byte[] json, String textEtag) {}
        Expected expected = QuarkusTransaction.requiringNew().call(() -> {
            Article a = articles.findBySlug(slug).orElseThrow();
            ArticleTree tree = articles.loadTree(a);
            return new Expected(
                    representations.toJson(tree), ETags.of(SeedTextWriter.writeBytes(ArticleMapper.toParsed(tree))));
        });
        ArticleRepresentations.Stored stored = representations.read(slug).orElseThrow();
        assertEquals(
                new String(expected.json(), StandardCharsets.UTF_8),
                new String(stored.json(), StandardCharsets.UTF_8),
                slug + " after " + when);
        assertEquals(ETags.of(expected.json()), stored.etag(), "JSON ETag of " + slug + " after " + when);
        assertEquals(expected.textEtag(), stored.textEtag(), "text ETag of " + slug + " after " + when);
        byte[] served = admin().get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .header("ETag", stored.etag())
                .extract()
                .asByteArray();
        assertArrayEquals(expected.json(), served, "what a read of " + slug + " serves after " + when);
    }

    private static byte[] text(Run run, String guide, String author) {
        return String.join(
                        "\n",
                        "Melatonin may help some people sleep.",
                        "Many readers ask whether melatonin works.",
                        "- What Melatonin Does",
                        "What Melatonin Does",
                        "",
                        CITED + " Melatonin is a hormone that signals night to the body.",
                        "Some users report that melatonin improves their sleep.",
                        "Melatonin is a mild aid, best used briefly.",
                        "Related Resources",
                        "A few resources:",
                        "- Sleep Guide (Guide): [" + guide + "] \u2013 " + run.guideUrl(),
                        "About the Author",
                        author + " is a writer about sleep.")
                .getBytes(StandardCharsets.UTF_8);
    }
}
