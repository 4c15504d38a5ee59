package io.supplements.api;

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
 * the last release; replace it when releasing.
 */
class OpenApiCompatibilityTest {
    private static final Path RELEASED = Path.of("openapi/released/1.0.0.yaml");
    private static final Path CURRENT = Path.of("openapi/openapi.yaml");

    @Test
    void theCurrentSpecIsCompatibleWithTheLastRelease() throws Exception {
        ChangedOpenApi diff = OpenApiCompare.fromLocations(RELEASED.toString(), CURRENT.toString());
        assertFalse(diff.isIncompatible(), () -> "incompatible with the released spec:\n" + render(diff));
    }

    @Test
    void anIncompatibleChangeIsCaught() throws Exception {
        String spec = Files.readString(CURRENT);
        // the canary: drop the whole article path, which clients of the release call
        Path broken = Files.createTempFile("openapi-broken", ".yaml");
        Files.writeString(broken, spec.replace("  /v1/articles/{slug}/evidence:", "  /v1/articles/{slug}/evidence-renamed:"));
        assertTrue(OpenApiCompare.fromLocations(RELEASED.toString(), broken.toString()).isIncompatible());
    }

    private static String render(ChangedOpenApi diff) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStreamWriter out = new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
