package io.supplements.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.supplements.common.Caller.Role;
import io.supplements.key.ApiKeyService;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeysAndRolesApiTest extends ApiTestSupport {

    /** Creates a key with the bootstrap admin key; returns its secret. */
    static String newKey(Role role) {
        return admin().contentType("application/json")
                .body(Map.of("name", "test " + role, "role", role.name()))
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .body("role", equalTo(role.name()))
                .body("secret", startsWith("sak_"))
                .extract()
                .jsonPath()
                .getString("secret");
    }

    static RequestSpecification as(String secret) {
        RequestSpecification request = invalidRequest();
        return secret == null ? request : request.header("Authorization", "Bearer " + secret);
    }

    /** A draft whose every part is its own: a unique word, web resource and author. */
    private static String uniqueDraft(String word, String url, String author) {
        String slug = uniqueSlug("draft");
        String text = String.join(
                "\n",
                "Kratom may ease pain, but its risks are debated " + word + ".",
                "Many readers ask what kratom does.",
                "- What Kratom Is",
                "What Kratom Is",
                "Kratom is a tropical tree whose leaves contain mitragynine.",
                "Talk to a doctor before trying any supplement.",
                "Related Resources",
                "Further reading:",
                "- Private Guide (Website): [A plain guide] \u2013 " + url,
                "About the Author",
                author + " writes about supplements.");
        admin().contentType(TEXT)
                .body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("slug", slug)
                .queryParam("status", "draft")
                .post("/v1/imports")
                .then()
                .statusCode(201);
        return slug;
    }

    @Test
    void everyOperationInTheSpecAnswersEachRoleAsItsDocumentedRoleSays() {
        String reader = newKey(Role.reader);
        String editor = newKey(Role.editor);
        String adminKey = newKey(Role.admin);
        String slug = importSeed(SEEDS[1], "draft"); // the one with an author
        JsonPath article = admin().get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("slug", slug);
        ids.put("anchor", article.getString("sections[0].anchor"));
        ids.put("claim", article.getString("claims[0].id"));
        ids.put("citationId", "987654321");
        ids.put("source", article.getString("sources[0].id"));
        ids.put("author", article.getString("author.slug"));
        ids.put(
                "webhook",
                admin().contentType("application/json")
                        .body(Map.of("url", "http://127.0.0.1:9/hook"))
                        .post("/v1/webhooks")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("id"));
        ids.put(
                "key",
                admin().contentType("application/json")
                        .body(Map.of("name", "walked", "role", "reader"))
                        .post("/v1/keys")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("id"));

        OpenAPI spec = new OpenAPIV3Parser().read(SPEC.toString());
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("none", null);
        callers.put("reader", reader);
        callers.put("editor", editor);
        callers.put("admin", adminKey);
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        for (var caller : callers.entrySet()) {
            for (var path : spec.getPaths().entrySet()) {
                for (var entry : path.getValue().readOperationsMap().entrySet()) {
                    Operation operation = entry.getValue();
                    Object documented = operation.getExtensions() == null
                            ? null
                            : operation.getExtensions().get("x-required-role");
                    Role required = documented == null ? null : Role.valueOf(documented.toString());
                    String url = fill(path.getKey(), ids);
                    RequestSpecification request = as(caller.getValue());
                    if (operation.getRequestBody() != null) {
                        // the documented media type, so the request reaches the operation; an empty body
                        String mediaType = operation
                                .getRequestBody()
                                .getContent()
                                .keySet()
                                .iterator()
                                .next();
                        request = request.contentType(mediaType)
                                .body((mediaType.equals("application/json") ? "{}" : "")
                                        .getBytes(StandardCharsets.UTF_8));
                    }
                    Response response = request.request(entry.getKey().name(), url);
                    requests++;
                    if (caller.getKey().equals("none")) {
                        operations++;
                    }
                    int status = response.statusCode();
                    String expected;
                    if (required == null) {
                        expected = "not 401/403";
                    } else if (caller.getValue() == null) {
                        expected = "401";
                    } else if (!Role.valueOf(caller.getKey()).includes(required)) {
                        expected = "403";
                    } else {
                        expected = "not 401/403";
                    }
                    boolean ok = status < 500
                            && (expected.equals("not 401/403")
                                    ? status != 401 && status != 403
                                    : Integer.toString(status).equals(expected)
                                            && response.contentType().startsWith(PROBLEM_JSON));
                    if (!ok) {
                        failures.add(entry.getKey() + " " + path.getKey() + " as " + caller.getKey()
                                + " (documented role " + required + "): expected " + expected + ", was " + status);
                    }
                }
            }
        }
        System.out.printf("Roles: %d operations x %d callers = %d requests%n", operations, callers.size(), requests);
        assertTrue(operations >= 35, "the walk read the spec: " + operations + " operations");
        assertEquals(List.of(), failures);
    }

    private static String fill(String path, Map<String, String> ids) {
        String id = path.startsWith("/v1/claims/")
                ? ids.get("claim")
                : path.startsWith("/v1/sources/")
                        ? ids.get("source")
                        : path.startsWith("/v1/webhooks/")
                                ? ids.get("webhook")
                                : path.startsWith("/v1/keys/") ? ids.get("key") : null;
        if (path.contains("{id}") && id == null) {
            throw new IllegalStateException("no fixture for " + path);
        }
        return path.replace("{id}", String.valueOf(id))
                .replace("{slug}", path.startsWith("/v1/authors/") ? ids.get("author") : ids.get("slug"))
                .replace("{anchor}", ids.get("anchor"))
                .replace("{citationId}", ids.get("citationId"));
    }

    @Test
    void anEndpointWithoutARoleAnnotationIsRefusedToEveryone() {
        for (String method : List.of("GET", "POST")) {
            invalidRequest()
                    .request(method, "/v1/unannotated-probe")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .body("type", org.hamcrest.Matchers.endsWith("unauthorized"));
            invalidRequest()
                    .header("Authorization", "Bearer " + ADMIN_KEY)
                    .request(method, "/v1/unannotated-probe")
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo("No key may do this."));
        }
    }

    @Test
    void aKeysSecretIsShownOnceAndStoredOnlyAsADigest() {
        JsonPath created = admin().contentType("application/json")
                .body(Map.of("name", "mirror", "role", "reader"))
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String secret = created.getString("secret");
        long id = created.getLong("id");
        admin().get("/v1/keys/" + id)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("secret")))
                .body("hint", equalTo(secret.substring(0, 8)));
        assertEquals(
                0,
                count("select count(*) from api_key where secret_sha = '" + secret + "' or name = '" + secret + "'"));
        assertEquals(
                1,
                count("select count(*) from api_key where id = " + id + " and secret_sha = '"
                        + ApiKeyService.digest(secret) + "'"));
        assertTrue(admin().queryParam("limit", 100)
                .get("/v1/keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", Long.class)
                .contains(id));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        String slug = importSeed(SEEDS[0], "draft");
        JsonPath created = admin().contentType("application/json")
                .body(Map.of("name", "soon revoked", "role", "editor"))
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String secret = created.getString("secret");
        as(secret).get("/v1/articles/" + slug).then().statusCode(200);
        admin().delete("/v1/keys/" + created.getLong("id")).then().statusCode(204);
        as(secret).get("/v1/articles/" + slug).then().statusCode(401).contentType(PROBLEM_JSON);
        as(secret).post("/v1/articles/" + slug + "/publish").then().statusCode(401);
        admin().get("/v1/keys/" + created.getLong("id")).then().statusCode(200).body("revokedAt", not(equalTo(null)));
        as("sak_" + UUID.randomUUID())
                .get("/v1/articles")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aReaderMayReadDraftsButNotWriteAndAnEditorMayNotManageKeys() {
        String reader = newKey(Role.reader);
        String editor = newKey(Role.editor);
        String slug = importSeed(SEEDS[2], "draft");
        as(reader).get("/v1/articles/" + slug).then().statusCode(200);
        as(reader)
                .header("If-Match", etag("/v1/articles/" + slug))
                .post("/v1/articles/" + slug + "/publish")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", org.hamcrest.Matchers.containsString("editor"));
        admin().get("/v1/articles/" + slug).then().body("status", equalTo("draft"));
        as(editor)
                .header("If-Match", etag("/v1/articles/" + slug))
                .post("/v1/articles/" + slug + "/publish")
                .then()
                .statusCode(200);
        as(editor)
                .contentType("application/json")
                .body(Map.of("name", "escalation", "role", "admin"))
                .post("/v1/keys")
                .then()
                .statusCode(403);
        assertEquals(0, count("select count(*) from api_key where name = 'escalation'"));
    }

    @Test
    void draftsAreInvisibleWithoutAKeyEverywhere() {
        String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        String url = "https://example.org/" + uniqueSlug("private");
        String author = "Quinn Draftonly" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String slug = uniqueDraft(word, url, author);
        String reader = newKey(Role.reader);
        JsonPath draft = as(reader)
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long claimId = draft.getLong("claims[0].id");
        long sourceId = draft.getLong("sources.find { it.url == '" + url + "' }.id");
        String authorSlug = draft.getString("author.slug");

        for (String path : List.of(
                "/v1/articles/" + slug,
                "/v1/articles/" + slug + "/sections",
                "/v1/articles/" + slug + "/claims",
                "/v1/articles/" + slug + "/evidence",
                "/v1/claims/" + claimId,
                "/v1/sources/" + sourceId,
                "/v1/authors/" + authorSlug)) {
            as(null).get(path).then().statusCode(404).contentType(PROBLEM_JSON);
            as(reader).get(path).then().statusCode(200);
        }
        as(null).accept("text/plain").get("/v1/articles/" + slug).then().statusCode(404);
        as(null).queryParam("q", word)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        as(reader)
                .queryParam("q", word)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem(slug));
        as(null).queryParam("article", slug)
                .get("/v1/claims")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        as(reader)
                .queryParam("article", slug)
                .get("/v1/claims")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        as(null).queryParam("status", "draft").get("/v1/articles").then().statusCode(401);
        as(reader)
                .queryParam("status", "draft")
                .queryParam("limit", 100)
                .get("/v1/articles")
                .then()
                .statusCode(200);
        assertFalse(allSourceIds(null).contains(sourceId), "anonymous source list");
        assertTrue(allSourceIds(reader).contains(sourceId), "reader source list");
        assertFalse(
                anonymous()
                        .queryParam("limit", 100)
                        .get("/v1/changes")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.slug")
                        .contains(slug),
                "the change feed");
    }

    private static List<Long> allSourceIds(String key) {
        List<Long> all = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(key).queryParam("limit", 100);
            JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor))
                    .get("/v1/sources")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            all.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("next");
        } while (cursor != null);
        return all;
    }

    @Test
    void aWebhookBelongsToTheKeyThatRegisteredIt() {
        String alice = newKey(Role.reader);
        String bob = newKey(Role.reader);
        long id = as(alice)
                .contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/alice"))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(alice).get("/v1/webhooks/" + id).then().statusCode(200);
        as(bob).get("/v1/webhooks/" + id).then().statusCode(404);
        as(bob).delete("/v1/webhooks/" + id).then().statusCode(404);
        as(bob).get("/v1/webhooks/" + id + "/attempts").then().statusCode(404);
        assertFalse(as(bob).queryParam("limit", 100)
                .get("/v1/webhooks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", Long.class)
                .contains(id));
        assertTrue(
                admin().queryParam("limit", 100)
                        .get("/v1/webhooks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id", Long.class)
                        .contains(id),
                "an admin sees every webhook");
        as(alice).delete("/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void aRevokedKeysWebhooksStopReceiving() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        try (WebhookApiTest.Receiver revoked = new WebhookApiTest.Receiver(secret);
                WebhookApiTest.Receiver control = new WebhookApiTest.Receiver(secret)) {
            revoked.up();
            control.up();
            JsonPath key = admin().contentType("application/json")
                    .body(Map.of("name", "mirror to revoke", "role", "reader"))
                    .post("/v1/keys")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            long theirs = as(key.getString("secret"))
                    .contentType("application/json")
                    .body(Map.of("url", revoked.url(), "secret", secret))
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            long ours = admin().contentType("application/json")
                    .body(Map.of("url", control.url(), "secret", secret))
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            admin().delete("/v1/keys/" + key.getLong("id")).then().statusCode(204);
            TestArticles.create("published");
            org.awaitility.Awaitility.await("the control webhook's delivery")
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> !control.accepted().isEmpty());
            // The dispatcher's round that delivered to the control webhook skipped the revoked key's.
            assertEquals(List.of(), revoked.all, "nothing is sent for a revoked key");
            admin().get("/v1/webhooks/" + theirs + "/attempts")
                    .then()
                    .statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.equalTo(0));
            admin().delete("/v1/webhooks/" + theirs).then().statusCode(204);
            admin().delete("/v1/webhooks/" + ours).then().statusCode(204);
        }
    }
}
