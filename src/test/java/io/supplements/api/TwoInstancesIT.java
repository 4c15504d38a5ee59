package io.supplements.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged app (production profile) on one PostgreSQL database, in a database
 * of their own: writes on either, the feed and webhooks read through either. Run by failsafe in
 * {@code ./mvnw verify -Ppostgres}, after the jar is built.
 */
class TwoInstancesIT {
    private static final String KEY = PackagedApp.ADMIN_KEY;
    private static final OpenApiValidationFilter RESPONSES =
            new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(
                            Path.of("openapi/openapi.yaml").toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private static PackagedApp.Database database;
    private static Instance a;
    private static Instance b;

    /** One running app and how to call it. */
    record Instance(String name, PackagedApp app) {
        int port() {
            return app.port;
        }

        RequestSpecification anonymous() {
            return given().baseUri("http://127.0.0.1").port(app.port).filter(RESPONSES);
        }

        RequestSpecification admin() {
            return anonymous().header("Authorization", "Bearer " + KEY);
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        database = new PackagedApp.Database("supplements_two");
        Map<String, String> settings =
                Map.of("SUPPLEMENTS_WEBHOOKS_RETRY_INITIAL", "1s", "SUPPLEMENTS_WEBHOOKS_POLL_INTERVAL", "200ms");
        a = new Instance(
                "a", PackagedApp.start("a", database.url(), with(settings, "SUPPLEMENTS_SAMPLE_CONTENT", "true")));
        b = new Instance("b", PackagedApp.start("b", database.url(), settings));
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put(key, value);
        return all;
    }

    @AfterAll
    static void stop() throws Exception {
        for (Instance i : new Instance[] {a, b}) {
            if (i != null) {
                i.app().stop();
            }
        }
        database.drop();
    }

    private static long head() throws Exception {
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement().executeQuery("select last_seq from change_counter where id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A mirror kept through the feed of whichever instance it is given. */
    static final class Mirror {
        final Map<Long, Map<String, Object>> articles = new TreeMap<>();
        String cursor;

        @SuppressWarnings("unchecked")
        void sync(Instance via) {
            boolean more = true;
            while (more) {
                RequestSpecification request = via.anonymous().queryParam("limit", 50);
                JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor))
                        .get("/v1/changes")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                    long id = ((Number) item.get("id")).longValue();
                    Map<String, Object> mine = articles.get(id);
                    if (mine != null
                            && ((Number) mine.get("version")).longValue()
                                    > ((Number) item.get("version")).longValue()) {
                        continue;
                    }
                    if (item.get("op").equals("delete")) {
                        articles.remove(id);
                    } else {
                        articles.put(id, (Map<String, Object>) item.get("article"));
                    }
                }
                cursor = page.getString("next");
                more = page.getBoolean("hasMore");
            }
        }
    }

    private static Map<Long, Map<String, Object>> published(Instance via) {
        Map<Long, Map<String, Object>> all = new TreeMap<>();
        String cursor = null;
        do {
            RequestSpecification request = via.anonymous().queryParam("limit", 100);
            JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor))
                    .get("/v1/articles")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (Object slug : page.getList("items.slug")) {
                Map<String, Object> article = via.anonymous()
                        .get("/v1/articles/" + slug)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("");
                all.put(((Number) article.get("id")).longValue(), article);
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return all;
    }

    private static String create(Instance on, String status) {
        return createWith(on, status, "lifts");
    }

    private static String createWith(Instance on, String status, String word) {
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
        on.admin()
                .contentType("text/plain; charset=utf-8")
                .body(ReplicationTest.text(word))
                .queryParam("slug", slug)
                .queryParam("status", status)
                .post("/v1/imports")
                .then()
                .statusCode(201);
        return slug;
    }

    /** One random write on the given instance; returns its status (404 and 412 are what racing writers expect). */
    private static int writeSomething(Instance on, Random random, List<String> slugs) {
        if (slugs.size() < 4 || random.nextInt(5) == 0) {
            String slug = create(on, random.nextBoolean() ? "published" : "draft");
            slugs.add(slug);
            return 201;
        }
        String path = "/v1/articles/" + slugs.get(random.nextInt(slugs.size()));
        // Read on one instance, write on the other: the ETag is the same on both.
        Instance other = on == a ? b : a;
        String etag = other.admin().get(path).then().extract().header("ETag");
        if (etag == null) {
            return 404;
        }
        RequestSpecification request = on.admin().header("If-Match", etag);
        return switch (random.nextInt(4)) {
            case 0 ->
                request.contentType("text/plain; charset=utf-8")
                        .body(ReplicationTest.text(random.nextBoolean() ? "improves" : "worsens"))
                        .put(path)
                        .then()
                        .extract()
                        .statusCode();
            case 1 -> request.post(path + "/publish").then().extract().statusCode();
            case 2 -> request.post(path + "/unpublish").then().extract().statusCode();
            default -> request.delete(path).then().extract().statusCode();
        };
    }

    @Test
    void aMirrorReadingEitherInstanceWhileBothAreWrittenEndsEqualToThePublishedContent() throws Exception {
        Mirror mirror = new Mirror();
        mirror.sync(b);
        assertEquals(published(a), mirror.articles, "a full snapshot through b of what a loaded");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        Map<Integer, Integer> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> slugs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> tasks = new ArrayList<>();
        for (Instance writer : new Instance[] {a, b}) {
            Random random = new Random(writer.name().hashCode());
            tasks.add(pool.submit(() -> {
                while (running.get()) {
                    outcomes.merge(writeSomething(writer, random, slugs), 1, Integer::sum);
                    writes.incrementAndGet();
                }
                return null;
            }));
        }
        tasks.add(pool.submit(() -> {
            for (int round = 0; running.get(); round++) {
                mirror.sync(round % 2 == 0 ? a : b);
                Thread.sleep(50);
            }
            return null;
        }));
        // Enough interleaved writes on both instances, however busy the machine is.
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> writes.get() > 60);
        running.set(false);
        for (Future<?> task : tasks) {
            task.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        mirror.sync(a);
        assertEquals(published(b), mirror.articles, "the mirror equals the published content, ids, versions and all");
        assertEquals(published(a), published(b), "both instances serve the same content");
        assertTrue(writes.get() > 50, "writes: " + writes + " " + outcomes);
        assertTrue(
                outcomes.keySet().stream()
                        .allMatch(s -> List.of(200, 201, 204, 404, 412).contains(s)),
                "outcomes: " + outcomes);
        System.out.printf(
                "Two instances: %d writes %s; mirror holds %d articles%n",
                writes.get(), outcomes, mirror.articles.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWebhookGetsTheWritesOfBothInstancesInOrderAndOnce() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        try (WebhookApiTest.Receiver receiver = new WebhookApiTest.Receiver(secret)) {
            receiver.up();
            long start = head();
            long id = b.admin()
                    .contentType("application/json")
                    .body(Map.of("url", receiver.url(), "secret", secret))
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            List<String> slugs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                slugs.add(create(i % 2 == 0 ? a : b, "published"));
            }
            Instance updater = a;
            for (String slug : slugs) {
                String path = "/v1/articles/" + slug;
                updater.admin()
                        .header("If-Match", b.admin().get(path).then().extract().header("ETag"))
                        .post(path + "/unpublish")
                        .then()
                        .statusCode(200);
                updater = updater == a ? b : a;
            }
            // Entry numbers are consecutive; delivered entries may already be pruned from the log once superseded.
            assertEquals(start + 20, head());
            List<Long> expected =
                    LongStream.rangeClosed(start + 1, start + 20).boxed().toList();

            Instant deadline = Instant.now().plusSeconds(30);
            while (a.admin()
                            .get("/v1/webhooks/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getLong("pending")
                    > 0) {
                assertTrue(Instant.now().isBefore(deadline), "deliveries did not finish");
                Thread.sleep(100);
            }
            List<WebhookApiTest.Received> accepted = receiver.accepted();
            assertEquals(
                    expected,
                    accepted.stream().map(WebhookApiTest.Received::seq).toList(),
                    "every entry, in commit order, exactly once, though both instances deliver");
            assertTrue(accepted.stream().allMatch(WebhookApiTest.Received::signatureValid));
            assertTrue(
                    accepted.stream().allMatch(r -> r.schemaViolations().isEmpty()), "every payload is a WebhookEvent");
            a.admin().delete("/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    /** Search runs in the shared database: what one instance committed, the other finds at once, drafts included. */
    @Test
    void anArticleWrittenOnOneInstanceIsFoundBySearchOnTheOtherRightAfterTheCommit() {
        Random random = new Random();
        String published = "zorb"
                + random.ints(8, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        String draft = "zorb"
                + random.ints(8, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        String publishedSlug = createWith(a, "published", published);
        String draftSlug = createWith(a, "draft", draft);
        assertEquals(
                List.of(publishedSlug),
                b.anonymous()
                        .queryParam("q", published)
                        .get("/v1/articles")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.slug"),
                "b finds what a has just published");
        assertEquals(
                List.of(draftSlug),
                b.admin()
                        .queryParam("q", draft)
                        .get("/v1/articles")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.slug"),
                "a draft is found by a keyed search on the other instance too");
        assertEquals(
                List.of(),
                b.anonymous()
                        .queryParam("q", draft)
                        .get("/v1/articles")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.slug"),
                "and not by an anonymous one");
    }

    /** The article cache of one instance drops what another instance changed within its sync interval (250 ms). */
    @Test
    void aWriteOnOneInstanceIsReadOnTheOtherWithinOneSecond() throws Exception {
        long slowest = 0;
        for (int round = 0; round < 5; round++) {
            String slug = create(a, "published");
            String path = "/v1/articles/" + slug;
            b.anonymous().get(path).then().statusCode(200);
            b.anonymous().get(path).then().statusCode(200); // now cached on b
            a.admin()
                    .header("If-Match", a.admin().get(path).then().extract().header("ETag"))
                    .contentType("text/plain; charset=utf-8")
                    .body(ReplicationTest.text("worsens"))
                    .put(path)
                    .then()
                    .statusCode(200);
            long written = System.nanoTime();
            while (b.anonymous()
                            .get(path)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getInt("version")
                    != 2) {
                assertTrue(
                        System.nanoTime() - written < 1_000_000_000L,
                        "b still serves version 1 a second after the write on a");
                Thread.sleep(10);
            }
            slowest = Math.max(slowest, (System.nanoTime() - written) / 1_000_000);
        }
        System.out.printf(
                "Two instances: a write on one was read on the other after at most %d ms (5 rounds)%n", slowest);
    }
}
