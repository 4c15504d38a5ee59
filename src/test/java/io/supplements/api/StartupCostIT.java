package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What a start reads does not grow with the catalogue: the packaged app on PostgreSQL is started with
 * 10 articles and again with 1,000, and PostgreSQL's own counters of the rows read from each content
 * table between the start and the stop (sequential and index reads) are no higher the second time.
 * Nothing on the way to readiness reads the catalogue: no search index to build, no representations
 * to render.
 */
class StartupCostIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String CONTENT =
            "('article', 'section', 'paragraph', 'claim', 'citation', 'source', 'related_resource',"
                    + " 'author', 'article_topic', 'change_log', 'rejected_claim')";

    @Test
    void aStartReadsTheSameRowsWithTenArticlesAndWithAThousand() throws Exception {
        PackagedApp.Database db = new PackagedApp.Database("startup_it");
        try {
            PackagedApp app = PackagedApp.start("startup", db.url(), Map.of());
            importArticles(app, 0, 10);
            app.stop();
            Map<String, Long> ten = rowsReadByAStart(app, db);

            app.start();
            importArticles(app, 10, 990);
            app.stop();
            Map<String, Long> thousand = rowsReadByAStart(app, db);

            System.out.printf(
                    "Rows read from content tables by a start: %s with 10 articles, %s with 1,000%n", ten, thousand);
            assertEquals(ten.keySet(), thousand.keySet());
            // Not equality: on a table of a few rows PostgreSQL rightly prefers a sequential scan (the cache
            // follower's poll of the change log reads its 9 rows with 10 articles, none through the index with 1,000).
            ten.forEach((table, rows) -> assertTrue(
                    thousand.get(table) <= rows,
                    table + ": a start with 1,000 articles reads " + thousand.get(table) + " rows, with 10 it reads "
                            + rows));
        } finally {
            db.drop();
        }
    }

    /** Resets the database's counters, starts the app until ready, stops it (which flushes its counters) and reads them. */
    private static Map<String, Long> rowsReadByAStart(PackagedApp app, PackagedApp.Database db) throws Exception {
        try (Connection c = db.connect()) {
            awaitNoOtherSession(c); // the previous run's sessions report their counters as they end
            c.createStatement().execute("select pg_stat_reset()");
        }
        app.start();
        app.stop();
        try (Connection c = db.connect()) {
            awaitNoOtherSession(c);
            Map<String, Long> rows = new TreeMap<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery("select relname, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)"
                            + " from pg_stat_user_tables where relname in " + CONTENT)) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getLong(2));
                }
            }
            return rows;
        }
    }

    /** A session's counters reach the shared statistics when it ends. */
    private static void awaitNoOtherSession(Connection c) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (ResultSet rs = c.createStatement()
                    .executeQuery("select count(*) from pg_stat_activity"
                            + " where datname = current_database() and pid <> pg_backend_pid()")) {
                rs.next();
                return rs.getInt(1) == 0;
            }
        });
    }

    /** Small articles with a claim and a source each, through the batch import. */
    private static void importArticles(PackagedApp app, int first, int count) throws Exception {
        for (int from = first; from < first + count; from += 100) {
            String body = IntStream.range(from, Math.min(first + count, from + 100))
                    .mapToObj(n -> {
                        try {
                            return JSON.writeValueAsString(Map.of(
                                    "slug",
                                    "start-" + n,
                                    "status",
                                    n % 10 == 0 ? "draft" : "published",
                                    "topics",
                                    java.util.List.of("topic-" + n % 20),
                                    "text",
                                    new String(QueryCountTest.article(1 + n % 3), StandardCharsets.UTF_8)));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
            HttpResponse<String> res = HTTP.send(
                    HttpRequest.newBuilder(URI.create(app.url("/v1/imports/batch")))
                            .header("Authorization", "Bearer " + PackagedApp.ADMIN_KEY)
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode(), res.body());
            assertEquals(0, JSON.readTree(res.body()).get("failed").asInt(), res.body());
        }
    }
}
