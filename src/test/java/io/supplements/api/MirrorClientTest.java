package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reference mirror client (tools/mirror.py) run as a real process against the running app. */
@QuarkusTest
class MirrorClientTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMirrorClientKeepsAFolderEqualToThePublishedContentAndResumes() throws Exception {
        Path folder = Files.createTempDirectory("mirror");
        runMirror(folder);
        assertEquals(TestArticles.published(), read(folder));

        String kept = TestArticles.create("published");
        String unpublished = TestArticles.create("published");
        String deleted = TestArticles.create("published");
        runMirror(folder);
        adminIfMatch("/v1/articles/" + deleted)
                .delete("/v1/articles/" + deleted)
                .then()
                .statusCode(204);
        adminIfMatch("/v1/articles/" + unpublished)
                .post("/v1/articles/" + unpublished + "/unpublish")
                .then()
                .statusCode(200);
        adminIfMatch("/v1/articles/" + kept)
                .contentType(TEXT)
                .body(ReplicationTest.text("steadies"))
                .put("/v1/articles/" + kept)
                .then()
                .statusCode(200);
        runMirror(folder);
        assertEquals(TestArticles.published(), read(folder), "resumed from its saved cursor, tombstones applied");
    }

    private static void runMirror(Path folder) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "python3",
                        "tools/mirror.py",
                        "http://localhost:" + RestAssured.port,
                        folder.toString(),
                        "--once")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("mirror.py failed: " + output);
        }
    }

    private static Map<Long, Map<String, Object>> read(Path folder) throws IOException {
        Map<Long, Map<String, Object>> articles = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder.resolve("articles"))) {
            for (Path file : files.toList()) {
                Map<String, Object> article = JSON.readValue(file.toFile(), new TypeReference<>() {});
                articles.put(((Number) article.get("id")).longValue(), article);
            }
        }
        return articles;
    }
}
