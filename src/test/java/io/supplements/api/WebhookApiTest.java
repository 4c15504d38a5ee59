package io.supplements.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookApiTest extends ApiTestSupport {

    /** One POST as the receiver saw it. */
    record Received(
            String id,
            long timestamp,
            String signature,
            boolean signatureValid,
            Map<String, Object> payload,
            int answered,
            List<String> schemaViolations) {
        long seq() {
            return Long.parseLong(id.substring(id.lastIndexOf('_') + 1));
        }
    }

    /** A real HTTP receiver on loopback that checks signatures with its own HMAC code; it can be down. */
    static final class Receiver implements AutoCloseable {
        final int port;
        final String secret;
        final List<Received> all = new CopyOnWriteArrayList<>();
        final AtomicInteger refuseNext = new AtomicInteger();
        /** POSTs that arrived, counted before the answer waits for {@link #answers}. */
        final AtomicInteger arrived = new AtomicInteger();
        /** A receiver slow to answer, on purpose: each answer waits until the test opens this gate. */
        volatile CountDownLatch answers = new CountDownLatch(0);

        private HttpServer server;

        Receiver(String secret) throws IOException {
            this.secret = secret;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
        }

        String url() {
            return "http://127.0.0.1:" + port + "/hook";
        }

        void up() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                arrived.incrementAndGet();
                try {
                    answers.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                int status = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
                String json = new String(body, StandardCharsets.UTF_8);
                all.add(new Received(
                        id,
                        Long.parseLong(timestamp),
                        signature,
                        signature.equals(sign(id, timestamp, body)),
                        new JsonPath(json).getMap(""),
                        status,
                        schemaViolations("WebhookEvent", json)));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        List<Received> accepted() {
            return all.stream().filter(r -> r.answered() == 204).toList();
        }

        private String sign(String id, String timestamp, byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(
                        Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                byte[] signed = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    private static String newSecret() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) {
        Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    private static JsonPath webhook(long id) {
        return admin().get("/v1/webhooks/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> attempts(long id) {
        return admin().queryParam("limit", 100)
                .get("/v1/webhooks/" + id + "/attempts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    @SuppressWarnings("unchecked")
    private List<Long> entriesAfter(long seq) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((List<Number>)
                                em.createNativeQuery("select seq from change_log where seq > ?1 order by seq")
                                        .setParameter(1, seq)
                                        .getResultList())
                        .stream().map(Number::longValue).toList());
    }

    private static byte[] text(String extra) {
        return (String.join(
                                "\n",
                                "Kratom may ease pain, but its risks are debated.",
                                "Many readers ask what kratom does.",
                                "- What Kratom Is",
                                "What Kratom Is",
                                "Kratom is a tropical tree whose leaves contain mitragynine.",
                                "Talk to a doctor before trying any supplement.")
                        + extra)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDeliveryLogKeepsThirtyDaysOfAttempts() throws Exception {
        long id = admin().contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:1/down", "secret", newSecret()))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        try {
            for (int daysAgo : new int[] {31, 29}) {
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(
                                        "insert into webhook_attempt (webhook_id, message_id, seq,"
                                                + " attempt, attempted_at, delivered, response_status, error, duration_ms) values (?1, ?2, 0, 1, ?3, false, 500, null, 5)")
                                .setParameter(1, id)
                                .setParameter(2, "msg_old_" + daysAgo)
                                .setParameter(3, Instant.now().minus(Duration.ofDays(daysAgo)))
                                .executeUpdate());
            }
            String old = "select count(*) from webhook_attempt where message_id = 'msg_old_31'";
            await("an attempt older than the retention to be deleted", Duration.ofSeconds(10), () -> count(old) == 0);
            assertEquals(
                    1,
                    count("select count(*) from webhook_attempt where message_id = 'msg_old_29'"),
                    "a younger one stays");
        } finally {
            admin().delete("/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    @Test
    void supersededEntriesLeaveTheLogOnceEveryReceivingWebhookHasThem() {
        for (Object id : admin().queryParam("limit", 100)
                .get("/v1/webhooks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id")) {
            admin().delete("/v1/webhooks/" + id).then().statusCode(204); // none lagging from other tests
        }
        String slug = TestArticles.create("published");
        String path = "/v1/articles/" + slug;
        long article = anonymous()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
        String entries = "select count(*) from change_log where article_id = " + article;
        for (int i = 1; i <= 2; i++) {
            adminIfMatch(path)
                    .contentType(TEXT)
                    .body(text("\nEdit " + i + " about kratom leaves."))
                    .put(path)
                    .then()
                    .statusCode(200);
        }
        assertEquals(1, count(entries), "no webhook lags: only the latest entry is kept");

        long lagging = admin().contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:1/down", "secret", newSecret()))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        for (int i = 3; i <= 4; i++) {
            adminIfMatch(path)
                    .contentType(TEXT)
                    .body(text("\nEdit " + i + " about kratom leaves."))
                    .put(path)
                    .then()
                    .statusCode(200);
        }
        assertEquals(
                2,
                count(entries),
                "the webhook that is down has yet to receive both edits made since it was registered");
        assertEquals(
                List.of(4L, 5L),
                QuarkusTransaction.requiringNew()
                        .call(() -> em
                                .createNativeQuery("select version from change_log where article_id = ?1 order by seq")
                                .setParameter(1, article)
                                .getResultList()
                                .stream()
                                .map(v -> ((Number) v).longValue())
                                .toList()));

        admin().delete("/v1/webhooks/" + lagging).then().statusCode(204);
        adminIfMatch(path)
                .contentType(TEXT)
                .body(text("\nEdit 5 about kratom leaves."))
                .put(path)
                .then()
                .statusCode(200);
        assertEquals(1, count(entries));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReceiverThatIsDownGetsEveryEntryInOrderWhenItComesBack() throws Exception {
        String secret = newSecret();
        try (Receiver receiver = new Receiver(secret)) {
            long start = count("select last_seq from change_counter where id = 1");
            long id = admin().contentType("application/json")
                    .body(Map.of("url", receiver.url(), "secret", secret))
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            try {
                // While the receiver is down: creates, an update, an unpublish, a re-publish, a delete, and a draft.
                String a = TestArticles.create("published");
                adminIfMatch("/v1/articles/" + a)
                        .contentType(TEXT)
                        .body(text("\nAnother paragraph about kratom leaves."))
                        .put("/v1/articles/" + a)
                        .then()
                        .statusCode(200);
                String b = TestArticles.create("published");
                adminIfMatch("/v1/articles/" + a)
                        .post("/v1/articles/" + a + "/unpublish")
                        .then()
                        .statusCode(200);
                String draft = TestArticles.create("draft");
                adminIfMatch("/v1/articles/" + a)
                        .post("/v1/articles/" + a + "/publish")
                        .then()
                        .statusCode(200);
                adminIfMatch("/v1/articles/" + b)
                        .delete("/v1/articles/" + b)
                        .then()
                        .statusCode(204);
                List<Long> expected = entriesAfter(start);
                assertEquals(6, expected.size(), "six changes to published content, none for the draft");

                await(
                        "three failed attempts",
                        Duration.ofSeconds(30),
                        () -> attempts(id).size() >= 3);
                List<Map<String, Object>> failed = attempts(id);
                assertTrue(
                        failed.stream()
                                .allMatch(t -> t.get("delivered").equals(false)
                                        && t.get("error") != null
                                        && t.get("responseStatus") == null),
                        failed.toString());
                assertTrue(
                        failed.stream()
                                .allMatch(t -> t.get("seq").equals(failed.get(0).get("seq"))),
                        "the first entry waits; the rest queue behind it");
                assertEquals(expected.get(0), ((Number) failed.get(0).get("seq")).longValue());
                List<Instant> times = new ArrayList<>(failed.stream()
                        .map(t -> Instant.parse((String) t.get("attemptedAt")))
                        .toList());
                java.util.Collections.reverse(times);
                assertTrue(
                        Duration.between(times.get(0), times.get(1)).toMillis() >= 900,
                        "first retry after about 1 s: " + times);
                assertTrue(Duration.between(times.get(1), times.get(2)).toMillis() >= 1800, "then about 2 s: " + times);
                JsonPath failing = webhook(id);
                assertTrue(failing.getInt("failedAttempts") >= 3);
                assertEquals(6, failing.getLong("pending"));
                assertTrue(failing.getString("failingSince") != null);

                // The receiver comes back, refusing its first request once more.
                receiver.refuseNext.set(1);
                receiver.up();
                await(
                        "every entry delivered",
                        Duration.ofSeconds(30),
                        () -> webhook(id).getLong("pending") == 0);

                List<Received> accepted = receiver.accepted();
                assertEquals(
                        expected, accepted.stream().map(Received::seq).toList(), "every entry, in commit order, once");
                assertTrue(receiver.all.stream().allMatch(Received::signatureValid), "every attempt is validly signed");
                assertEquals(
                        List.of(),
                        receiver.all.stream()
                                .flatMap(r -> r.schemaViolations().stream())
                                .toList(),
                        "every payload is a WebhookEvent as the spec documents it");
                assertTrue(
                        accepted.stream()
                                .map(r -> (Map<String, Object>) r.payload().get("data"))
                                .filter(d -> d.get("op").equals("delete"))
                                .allMatch(d -> !d.containsKey("article")),
                        "a tombstone carries no article");
                Received refused = receiver.all.get(0);
                Received retried = receiver.all.get(1);
                assertEquals(503, refused.answered());
                assertEquals(refused.id(), retried.id(), "a retry is the same message");
                assertNotEquals(refused.timestamp(), retried.timestamp(), "signed afresh");
                assertNotEquals(refused.signature(), retried.signature());

                // Each upsert carries the article as that change published it: a's versions 1, 2, then 4 (3 was the
                // unpublish).
                List<Map<String, Object>> ofA = accepted.stream()
                        .map(r -> (Map<String, Object>) r.payload().get("data"))
                        .filter(d -> d.get("slug").equals(a))
                        .toList();
                assertEquals(
                        List.of("upsert", "upsert", "delete", "upsert"),
                        ofA.stream().map(d -> d.get("op")).toList());
                assertEquals(
                        List.of(1, 2, 3, 4),
                        ofA.stream()
                                .map(d -> ((Number) d.get("version")).intValue())
                                .toList());
                for (Map<String, Object> d : ofA) {
                    if (d.get("op").equals("upsert")) {
                        assertEquals(d.get("version"), ((Map<String, Object>) d.get("article")).get("version"));
                    }
                }
                assertEquals("article.upsert", accepted.get(0).payload().get("type"));

                // Applied in order, the deliveries give exactly what the API serves.
                Map<Long, Map<String, Object>> mirror = new HashMap<>();
                for (Received r : accepted) {
                    Map<String, Object> d = (Map<String, Object>) r.payload().get("data");
                    long articleId = ((Number) d.get("id")).longValue();
                    if (d.get("op").equals("upsert")) {
                        mirror.put(articleId, (Map<String, Object>) d.get("article"));
                    } else {
                        mirror.remove(articleId);
                    }
                }
                Map<String, Object> served = anonymous()
                        .get("/v1/articles/" + a)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("");
                assertEquals(
                        new ArrayList<>(List.of(served)),
                        new ArrayList<>(mirror.values()),
                        "only a remains, as served");
                anonymous().get("/v1/articles/" + b).then().statusCode(404);
                admin().get("/v1/articles/" + draft).then().statusCode(200);

                // The last delivery's cursor is where the feed resumes with nothing missing.
                String cursor = (String) ((Map<String, Object>)
                                accepted.get(accepted.size() - 1).payload().get("data"))
                        .get("cursor");
                assertEquals(webhook(id).getString("cursor"), cursor);
                anonymous()
                        .queryParam("cursor", cursor)
                        .get("/v1/changes")
                        .then()
                        .statusCode(200)
                        .body("items.size()", equalTo(0));
                assertTrue(attempts(id).stream()
                                .filter(t -> t.get("delivered").equals(true))
                                .count()
                        == 6);
            } finally {
                admin().delete("/v1/webhooks/" + id).then().statusCode(204);
            }
        }
    }

    private static long register(Receiver receiver) {
        return admin().contentType("application/json")
                .body(Map.of("url", receiver.url(), "secret", receiver.secret))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void aSlowReceiverDelaysOnlyItsOwnDeliveries() throws Exception {
        try (Receiver slow = new Receiver(newSecret());
                Receiver fast = new Receiver(newSecret())) {
            slow.answers = new CountDownLatch(1); // holds its first answer while the other receiver is watched
            slow.up();
            fast.up();
            long slowId = register(slow);
            long fastId = register(fast);
            try {
                TestArticles.create("published");
                await(
                        "the slow receiver to be holding a delivery",
                        Duration.ofSeconds(10),
                        () -> slow.arrived.get() == 1);
                for (int i = 0; i < 3; i++) {
                    TestArticles.create("published");
                    long seq = count("select last_seq from change_counter where id = 1");
                    await(
                            "the other receiver to get entry " + seq + " within 1 s while the slow one holds its own",
                            Duration.ofSeconds(1),
                            () -> fast.accepted().stream().anyMatch(r -> r.seq() == seq));
                }
                assertEquals(1, slow.arrived.get(), "the slow receiver is still answering its first delivery");
                slow.answers.countDown();
                await(
                        "the slow receiver to get its entries in the end, in order",
                        Duration.ofSeconds(40),
                        () -> webhook(slowId).getLong("pending") == 0);
                assertEquals(
                        fast.accepted().stream().map(Received::seq).toList(),
                        slow.accepted().stream().map(Received::seq).toList());
            } finally {
                admin().delete("/v1/webhooks/" + slowId).then().statusCode(204);
                admin().delete("/v1/webhooks/" + fastId).then().statusCode(204);
            }
        }
    }

    @Test
    void aFailedAttemptRecordsItsCause() {
        long id = admin().contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:1/down", "secret", newSecret()))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        try {
            TestArticles.create("published");
            await(
                    "a failed attempt",
                    Duration.ofSeconds(10),
                    () -> !attempts(id).isEmpty());
            String error = (String) attempts(id).get(0).get("error");
            assertTrue(
                    error.startsWith("Could not connect (refused or unreachable): java.net.ConnectException"), error);
        } finally {
            admin().delete("/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    @Test
    void aRegistrationShowsItsGeneratedSecretOnceAndCanBeDeleted() {
        JsonPath created = admin().contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "description", "test"))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/webhooks/"))
                .body("secret", startsWith("whsec_"))
                .body("pending", equalTo(0))
                .body("failingSince", nullValue())
                .extract()
                .jsonPath();
        long id = created.getLong("id");
        admin().get("/v1/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("secret")))
                .body("url", equalTo("http://127.0.0.1:9/hook"));
        assertTrue(admin().queryParam("limit", 100)
                .get("/v1/webhooks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", Long.class)
                .contains(id));
        admin().delete("/v1/webhooks/" + id).then().statusCode(204);
        admin().get("/v1/webhooks/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
        admin().get("/v1/webhooks/" + id + "/attempts").then().statusCode(404);
    }

    @Test
    void invalidRegistrationsAre400ProblemsPointingAtTheField() {
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("url", "ftp://example.org/hook"))
                .post("/v1/webhooks")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].pointer", equalTo("/url"));
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "secret", "hunter2"))
                .post("/v1/webhooks")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].pointer", equalTo("/secret"));
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "cursor", "not-a-cursor"))
                .post("/v1/webhooks")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].pointer", equalTo("/cursor"));
        invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("url", "http://no-such-host.invalid/hook"))
                .post("/v1/webhooks")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].pointer", equalTo("/url"));
        assertEquals(0, count("select count(*) from webhook where url like '%no-such-host%' or url like 'ftp:%'"));
    }

    @Test
    void webhooksNeedAKey() {
        invalidRequest().get("/v1/webhooks").then().statusCode(401).contentType(PROBLEM_JSON);
        invalidRequest()
                .contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook"))
                .post("/v1/webhooks")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
        admin().get("/v1/webhooks/987654321").then().statusCode(404).contentType(PROBLEM_JSON);
    }
}
