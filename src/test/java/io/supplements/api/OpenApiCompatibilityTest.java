package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Clients are generated from the released spec: the current one must stay compatible with it (no
 * removed operation, field or status they rely on, no new required input). openapi/released/ holds
 * the releases; add the new one and point RELEASED at it when releasing. A release that breaks its
 * predecessor lists what it breaks here, so that nothing else breaks with it.
 */
class OpenApiCompatibilityTest {
    private static final Path RELEASED = Path.of("openapi/released/1.2.0.yaml");
    private static final Path CURRENT = Path.of("openapi/openapi.yaml");

    @Test
    void theCurrentSpecIsCompatibleWithTheLastRelease() throws Exception {
        ChangedOpenApi diff = OpenApiCompare.fromLocations(RELEASED.toString(), CURRENT.toString());
        assertFalse(diff.isIncompatible(), () -> "incompatible with the released spec:\n" + render(diff));
    }

    /**
     * 1.1.0 broke two schemas of 1.0.0 on purpose (issue 13): the dry-run import answers an ArticlePreview,
     * without the ids 1.0.0 invented, and Change is a oneOf told apart by op (the bytes of the feed did
     * not change: a delete never carried its article). Nothing else.
     */
    @Test
    void release110BrokeOnlyTheDryRunAnswerAndTheChangeSchemaOf100() throws Exception {
        ChangedOpenApi diff =
                OpenApiCompare.fromLocations("openapi/released/1.0.0.yaml", "openapi/released/1.1.0.yaml");
        assertTrue(diff.getMissingEndpoints().isEmpty());
        assertEquals(
                java.util.Set.of("GET /v1/changes", "POST /v1/imports"),
                diff.getChangedOperations().stream()
                        .filter(op -> op.isIncompatible())
                        .map(op -> op.getHttpMethod() + " " + op.getPathUrl())
                        .collect(java.util.stream.Collectors.toSet()),
                () -> render(diff));
    }

    /**
     * 1.2.0 (issue 12) added two source kinds, {@code author} (author-year citations) and {@code document}
     * (a paper cited by an identifier alone). openapi-diff counts an added enum value in a response as
     * breaking, since a client that switches over the kinds meets values it does not know. It also
     * counts the ETag of every read, sent all along, becoming a required header (issue 13: typed clients
     * need not test for it). 1.1.0 with just those changes must be compatible with 1.2.0.
     */
    @Test
    void release120OnlyAddedSourceKindsAndRequiredETagsTo110() throws Exception {
        assertTrue(OpenApiCompare.fromLocations("openapi/released/1.1.0.yaml", RELEASED.toString())
                .isIncompatible());
        String withKinds = Files.readString(Path.of("openapi/released/1.1.0.yaml"))
                .replaceAll("\\n( *)- organization\\n", "\n$1- organization\n$1- author\n$1- document\n")
                .replaceAll(
                        "\\n( *)description: Strong ETag of this representation\\n",
                        "\n$1description: Strong ETag of this representation\n$1required: true\n");
        Path patched = Files.createTempFile("openapi-110-with-kinds", ".yaml");
        Files.writeString(patched, withKinds);
        ChangedOpenApi diff = OpenApiCompare.fromLocations(patched.toString(), RELEASED.toString());
        assertFalse(diff.isIncompatible(), () -> render(diff));
    }

    @Test
    void anIncompatibleChangeIsCaught() throws Exception {
        String spec = Files.readString(CURRENT);
        // the canary: drop the whole article path, which clients of the release call
        Path broken = Files.createTempFile("openapi-broken", ".yaml");
        Files.writeString(
                broken, spec.replace("  /v1/articles/{slug}/evidence:", "  /v1/articles/{slug}/evidence-renamed:"));
        assertTrue(OpenApiCompare.fromLocations(RELEASED.toString(), broken.toString())
                .isIncompatible());
    }

    private static String render(ChangedOpenApi diff) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStreamWriter out =
                new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
