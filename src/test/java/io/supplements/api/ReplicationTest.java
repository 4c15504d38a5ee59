package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Several writers create, replace, publish, unpublish and delete articles, 150 writes in all, while a
 * client mirrors the change feed; at the end the mirror holds exactly the published content. The
 * work is counted, not timed, so a busy machine takes longer but tests the same thing.
 */
@QuarkusTest
class ReplicationTest extends ApiTestSupport {
    private static final int WRITERS = 3;
    private static final int WRITES = 150;

    static byte[] text(String word) {
        return String.join(
                        "\n",
                        "Kratom may ease pain, but its risks are debated.",
                        "Many readers ask what kratom does.",
                        "- What Kratom Is",
                        "What Kratom Is",
                        "Kratom is a tropical tree whose leaves contain mitragynine.",
                        "Some users report that kratom " + word + " their mood.",
                        "Talk to a doctor before trying any supplement.")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMirrorFollowingTheFeedDuringConcurrentWritesEndsEqualToThePublishedContent() throws Exception {
        TestArticles.Mirror mirror = new TestArticles.Mirror();
        mirror.sync();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        AtomicInteger writes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<?>> tasks = new ArrayList<>();
        List<String> slugs = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(w);
            tasks.add(pool.submit(() -> {
                while (writes.incrementAndGet() <= WRITES) {
                    int status = writeSomething(random, slugs);
                    outcomes.merge(Integer.toString(status), 1, Integer::sum);
                }
                return null;
            }));
        }
        tasks.add(pool.submit(() -> {
            while (running.get()) {
                mirror.sync();
                Thread.sleep(100);
            }
            return null;
        }));
        for (Future<?> task : tasks.subList(0, WRITERS)) {
            task.get(5, TimeUnit.MINUTES);
        }
        running.set(false);
        tasks.get(WRITERS).get(1, TimeUnit.MINUTES);
        pool.shutdown();

        mirror.sync();
        assertEquals(TestArticles.published(), mirror.articles);
        assertEquals(
                WRITES, outcomes.values().stream().mapToInt(Integer::intValue).sum(), "writes: " + outcomes);
        assertTrue(
                outcomes.keySet().stream()
                        .allMatch(
                                s -> List.of("200", "201", "204", "404", "412").contains(s)),
                "no write failed unexpectedly: " + outcomes);
        System.out.printf(
                "Replication: %d writes by %d writers %s; mirror holds %d articles%n",
                WRITES, WRITERS, outcomes, mirror.articles.size());
    }

    /** One random write; returns its status (404 and 412 are what racing writers expect). */
    private static int writeSomething(Random random, List<String> slugs) {
        if (slugs.size() < 5 || random.nextInt(5) == 0) {
            String slug = uniqueSlug("repl");
            int status = admin().contentType(TEXT)
                    .body(text("lifts"))
                    .queryParam("slug", slug)
                    .queryParam("status", random.nextBoolean() ? "published" : "draft")
                    .post("/v1/imports")
                    .then()
                    .extract()
                    .statusCode();
            slugs.add(slug);
            return status;
        }
        String slug = slugs.get(random.nextInt(slugs.size()));
        String path = "/v1/articles/" + slug;
        String etag = invalidRequest()
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .get(path)
                .then()
                .extract()
                .header("ETag");
        if (etag == null) {
            return 404;
        }
        var request =
                invalidRequest().header("Authorization", "Bearer " + ADMIN_KEY).header("If-Match", etag);
        return switch (random.nextInt(4)) {
            case 0 ->
                request.contentType(TEXT)
                        .body(text(random.nextBoolean() ? "improves" : "worsens"))
                        .put(path)
                        .then()
                        .extract()
                        .statusCode();
            case 1 -> request.post(path + "/publish").then().extract().statusCode();
            case 2 -> request.post(path + "/unpublish").then().extract().statusCode();
            default -> request.delete(path).then().extract().statusCode();
        };
    }
}
