package io.supplements.api;

import static org.awaitility.Awaitility.await;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the packaged app (a proxy between them drops every connection and
 * refuses new ones) and comes back. While it is away: readiness is DOWN, cached anonymous reads are
 * still served, and everything that needs the database is a 503 problem with Retry-After, never a
 * 500. When it is back, the same requests succeed without a restart.
 */
class DatabaseOutageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<byte[]> send(
            PackagedApp app, String method, String path, String key, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(PackagedApp app, String path, String key) throws Exception {
        return send(app, "GET", path, key, null, null);
    }

    private static HttpResponse<byte[]> importArticle(PackagedApp app, String slug) throws Exception {
        return send(
                app,
                "POST",
                "/v1/imports?status=published&slug=" + slug,
                PackagedApp.ADMIN_KEY,
                "text/plain; charset=utf-8",
                CrashIT.bigArticle(slug.length()));
    }

    private static int ready(PackagedApp app) {
        try {
            return get(app, "/q/health/ready", null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void whileTheDatabaseIsAwayReadinessIsDownCachedReadsAreServedAndTheRestIs503() throws Exception {
        PackagedApp.Database database = new PackagedApp.Database("supplements_outage");
        Matcher server =
                Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/").matcher(database.url());
        assertTrue(server.lookingAt(), database.url());
        try (TcpProxy proxy =
                new TcpProxy(server.group(1), server.group(2) == null ? 5432 : Integer.parseInt(server.group(2)))) {
            PackagedApp app = PackagedApp.start(
                    "outage",
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name,
                    Map.of("SUPPLEMENTS_RATE_LIMIT_ENABLED", "false"));
            try {
                assertEquals(201, importArticle(app, "outage-cached").statusCode());
                assertEquals(201, importArticle(app, "outage-uncached").statusCode());
                byte[] cached = get(app, "/v1/articles/outage-cached", null).body();
                assertArrayEquals(
                        cached, get(app, "/v1/articles/outage-cached", null).body(), "read twice, now cached");

                proxy.cut();
                await("readiness to go DOWN").atMost(Duration.ofSeconds(30)).until(() -> ready(app) == 503);

                HttpResponse<byte[]> hit = get(app, "/v1/articles/outage-cached", null);
                assertEquals(200, hit.statusCode(), "a cached anonymous read needs no database");
                assertArrayEquals(cached, hit.body());

                List<HttpResponse<byte[]>> needDatabase = new ArrayList<>();
                needDatabase.add(get(app, "/v1/articles/outage-uncached", null));
                needDatabase.add(get(app, "/v1/articles/outage-cached", PackagedApp.ADMIN_KEY));
                needDatabase.add(get(app, "/v1/articles?q=kratom", null));
                needDatabase.add(get(app, "/v1/claims", null));
                needDatabase.add(importArticle(app, "outage-during"));
                for (HttpResponse<byte[]> r : needDatabase) {
                    String what = r.request().method() + " " + r.uri();
                    assertEquals(503, r.statusCode(), what + ": " + new String(r.body(), StandardCharsets.UTF_8));
                    assertEquals(
                            "application/problem+json",
                            r.headers().firstValue("Content-Type").orElse(""),
                            what);
                    assertEquals("5", r.headers().firstValue("Retry-After").orElse(""), what);
                    JsonNode problem = JSON.readTree(r.body());
                    assertEquals("/problems/unavailable", problem.get("type").asText(), what);
                    assertEquals(503, problem.get("status").asInt(), what);
                }

                proxy.restore();
                await("readiness to come back").atMost(Duration.ofSeconds(30)).until(() -> ready(app) == 200);
                assertEquals(
                        201, importArticle(app, "outage-during").statusCode(), "the refused import, retried, succeeds");
                assertEquals(200, get(app, "/v1/articles/outage-uncached", null).statusCode());
                assertEquals(
                        200,
                        get(app, "/v1/articles/outage-cached", PackagedApp.ADMIN_KEY)
                                .statusCode());
            } finally {
                app.stop();
            }
        } finally {
            database.drop();
        }
    }
}
