package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.supplements.article.ArticleRepresentations;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Reads batched into one query each get their own article, whatever else is read with them. */
@QuarkusTest
class BatchedReadsTest extends ApiTestSupport {
    @Inject
    ArticleRepresentations representations;

    @Test
    void manyReadsAtOnceEachGetTheirOwnArticleAndAnUnknownSlugNone() {
        List<String> slugs = List.of(
                importSeed("000_d86605129c82c006.txt", "published"),
                importSeed("001_3fb4897e27bae9c5.txt", "draft"),
                importSeed("002_44950660dd50b175.txt", "published"),
                uniqueSlug("never-written"));
        List<String> asked = new ArrayList<>();
        List<CompletableFuture<Optional<ArticleRepresentations.Stored>>> reads = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // more than a batch, so several queries, each with several slugs and repeats
            String slug = slugs.get(i * 7 % slugs.size());
            asked.add(slug);
            reads.add(representations.readBatched(slug));
        }
        for (int i = 0; i < reads.size(); i++) {
            Optional<ArticleRepresentations.Stored> batched = reads.get(i).join();
            Optional<ArticleRepresentations.Stored> alone = representations.read(asked.get(i));
            assertEquals(alone.isPresent(), batched.isPresent(), asked.get(i));
            if (alone.isPresent()) {
                assertEquals(alone.get().id(), batched.get().id(), asked.get(i));
                assertEquals(alone.get().etag(), batched.get().etag(), asked.get(i));
                assertArrayEquals(alone.get().json(), batched.get().json(), asked.get(i));
                assertTrue(new String(batched.get().json(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("\"slug\":\"" + asked.get(i) + "\""));
            }
        }
        assertTrue(reads.get(asked.indexOf(slugs.get(3))).join().isEmpty(), "the unknown slug");
    }
}
