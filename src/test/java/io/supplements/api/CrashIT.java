package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a batch of large imports on PostgreSQL: after a restart every article is
 * complete (its text export is byte-identical to what was sent) or absent, every acknowledged import
 * is there, and the change feed points only at committed, published data.
 */
class CrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int IMPORTS = 200;
    private static final int WRITERS = 4;

    /** A valid article of about 100 KB: 60 sections of three claim-bearing paragraphs. */
    static byte[] bigArticle(int n) {
        List<String> lines = new ArrayList<>();
        lines.add("Kratom may ease pain in some users, article " + n + ", but its risks are debated.");
        lines.add("Many readers ask what kratom does and how safe it is.");
        for (int s = 0; s < 60; s++) {
            lines.add("- Part " + s + " of the story");
        }
        for (int s = 0; s < 60; s++) {
            lines.add("Part " + s + " of the story");
            lines.add("");
            for (int p = 0; p < 3; p++) {
                lines.add(
                        "A study published in Journal of Ethnopharmacology (2017) found that kratom may relieve pain in part "
                                + s
                                + ". Some users report that kratom improves their mood. Kratom does not cause hair loss, according to one review.");
            }
        }
        lines.add("Talk to a doctor before trying any supplement.");
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> send(PackagedApp app, String method, String path, String accept, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + PackagedApp.ADMIN_KEY)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "text/plain; charset=utf-8");
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void afterKill9MidBatchEveryArticleIsCompleteOrAbsentAndTheFeedPointsOnlyAtCommittedData() throws Exception {
        PackagedApp.Database database = new PackagedApp.Database("supplements_crash");
        PackagedApp app = PackagedApp.start("crash", database.url(), Map.of("SUPPLEMENTS_RATE_LIMIT_ENABLED", "false"));
        try {
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            Set<Integer> cutOff = ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < IMPORTS) {
                        try {
                            String status = n % 3 == 0 ? "draft" : "published";
                            int code = send(
                                            app,
                                            "POST",
                                            "/v1/imports?slug=crash-" + n + "&status=" + status,
                                            null,
                                            bigArticle(n))
                                    .statusCode();
                            if (code == 201) {
                                acknowledged.add(n);
                            }
                        } catch (Exception e) {
                            cutOff.add(n); // in flight when the process died
                            return null;
                        }
                    }
                    return null;
                });
            }
            while (acknowledged.size() < 30) {
                Thread.sleep(20);
            }
            app.kill();
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            assertTrue(!cutOff.isEmpty(), "the kill interrupted imports in flight");

            app.start();
            Map<String, JsonNode> present = new HashMap<>();
            String cursor = null;
            do {
                JsonNode page = JSON.readTree(send(
                                app,
                                "GET",
                                "/v1/articles?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                                null,
                                null)
                        .body());
                page.get("items").forEach(item -> present.put(item.get("slug").asText(), item));
                cursor = page.get("next").isNull() ? null : page.get("next").asText();
            } while (cursor != null);

            for (int n : acknowledged) {
                assertTrue(present.containsKey("crash-" + n), "acknowledged import crash-" + n + " survived the crash");
            }
            for (String slug : present.keySet()) {
                int n = Integer.parseInt(slug.substring("crash-".length()));
                assertArrayEquals(
                        bigArticle(n),
                        send(app, "GET", "/v1/articles/" + slug, "text/plain", null)
                                .body(),
                        slug + " is complete, byte for byte");
            }

            // The feed: every upsert is a committed, published article exactly as served; nothing else.
            Map<Long, JsonNode> fromFeed = new HashMap<>();
            cursor = null;
            boolean more = true;
            while (more) {
                JsonNode page = JSON.readTree(send(
                                app,
                                "GET",
                                "/v1/changes?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                                null,
                                null)
                        .body());
                page.get("items").forEach(item -> fromFeed.put(item.get("id").asLong(), item));
                cursor = page.get("next").asText();
                more = page.get("hasMore").asBoolean();
            }
            long published = present.values().stream()
                    .filter(a -> a.get("status").asText().equals("published"))
                    .count();
            assertEquals(
                    published, fromFeed.size(), "one upsert per published article, none for drafts or lost imports");
            for (JsonNode item : fromFeed.values()) {
                assertEquals("upsert", item.get("op").asText());
                JsonNode served = JSON.readTree(
                        send(app, "GET", "/v1/articles/" + item.get("slug").asText(), null, null)
                                .body());
                assertEquals(served, item.get("article"), "the feed serves the committed article");
            }
            try (Connection c = database.connect();
                    ResultSet rs = c.createStatement()
                            .executeQuery(
                                    "select (select last_seq from change_counter), (select max(seq) from change_log)")) {
                rs.next();
                assertEquals(rs.getLong(1), rs.getLong(2), "the counter and the log agree");
            }
            System.out.printf(
                    "Crash: %d imports acknowledged, %d cut off by kill -9; after restart %d articles, all complete; feed %d entries%n",
                    acknowledged.size(), cutOff.size(), present.size(), fromFeed.size());
        } finally {
            app.stop();
            database.drop();
        }
    }
}
