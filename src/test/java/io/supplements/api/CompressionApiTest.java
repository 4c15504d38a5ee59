package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * JSON and text answers are compressed for a client that asks (gzip, or brotli where the client lists it), and only
 * then; cached answers too, from gzip bytes compressed once. Read with java.net.http, which neither asks for nor undoes compression on its own.
 */
@QuarkusTest
class CompressionApiTest extends ApiTestSupport {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final HttpClient HTTP2 =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build(); // h2c upgrade

    private static HttpResponse<byte[]> get(String path, String accept, String acceptEncoding, boolean keyed)
            throws Exception {
        return get(HTTP, path, accept, acceptEncoding, keyed);
    }

    private static HttpResponse<byte[]> get(
            HttpClient http, String path, String accept, String acceptEncoding, boolean keyed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept", accept);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (keyed) {
            request.header("Authorization", "Bearer " + ADMIN_KEY);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    private static void assertGzipOf(byte[] plain, HttpResponse<byte[]> r) throws IOException {
        assertEquals(200, r.statusCode());
        assertEquals(
                "gzip",
                r.headers().firstValue("Content-Encoding").orElse(null),
                r.uri().toString());
        assertTrue(
                r.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"),
                r.headers().toString());
        assertTrue(r.body().length < plain.length, "compressed: " + r.body().length + " of " + plain.length);
        assertEquals(
                new String(plain, java.nio.charset.StandardCharsets.UTF_8),
                new String(gunzip(r.body()), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void articlesAreGzippedForClientsThatAskWhetherCachedOrNot() throws Exception {
        String slug = TestArticles.create("published");
        String path = "/v1/articles/" + slug;
        HttpResponse<byte[]> plain = get(path, "application/json", null, false);
        assertEquals(200, plain.statusCode());
        assertTrue(
                plain.headers()
                        .firstValue("Content-Encoding")
                        .filter(e -> !e.equals("identity"))
                        .isEmpty(),
                plain.headers().toString());
        assertTrue(
                plain.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"),
                "a cache must not serve gzip to this client");

        assertGzipOf(
                plain.body(),
                get(path, "application/json", "gzip, deflate, br", false)); // read from the database, or the cache
        assertGzipOf(plain.body(), get(path, "application/json", "gzip", false)); // from the cache: bytes gzipped once
        assertGzipOf(plain.body(), get(path, "application/json", "gzip", true)); // keyed: the REST layer compresses
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> h2 =
                    get(HTTP2, path, "application/json", "gzip", false); // the upgrade request, then HTTP/2
            assertGzipOf(plain.body(), h2);
        }
        assertEquals(
                plain.body().length,
                get(path, "application/json", "gzip;q=0, identity", false).body().length,
                "q=0 refuses gzip");

        HttpResponse<byte[]> text = get(path, "text/plain", null, false);
        assertGzipOf(text.body(), get(path, "text/plain", "gzip", false));
    }

    @Test
    void listPagesAreGzippedToo() throws Exception {
        TestArticles.create("published");
        HttpResponse<byte[]> plain = get("/v1/articles?limit=50", "application/json", null, false);
        assertGzipOf(plain.body(), get("/v1/articles?limit=50", "application/json", "gzip", false));
        assertGzipOf(plain.body(), get("/v1/articles?limit=50", "application/json", "gzip", false));
    }

    private static void assertBrotliOf(byte[] plain, HttpResponse<byte[]> r) throws IOException {
        assertEquals(200, r.statusCode());
        assertEquals(
                "br",
                r.headers().firstValue("Content-Encoding").orElse(null),
                r.uri().toString());
        assertTrue(r.body().length < plain.length, "compressed: " + r.body().length + " of " + plain.length);
        Brotli4jLoader.ensureAvailability();
        DirectDecompress decoded = DirectDecompress.decompress(r.body());
        assertEquals(DecoderJNI.Status.DONE, decoded.getResultStatus());
        assertEquals(
                new String(plain, java.nio.charset.StandardCharsets.UTF_8),
                new String(decoded.getDecompressedData(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void brotliGoesToClientsThatListItExceptWhereCachedGzipBytesServeThem() throws Exception {
        String slug = TestArticles.create("published");
        String path = "/v1/articles/" + slug;
        byte[] plain = get(path, "application/json", null, false).body();
        assertBrotliOf(plain, get(path, "application/json", "br", false)); // takes no gzip: compressed per answer
        assertGzipOf(
                plain, get(path, "application/json", "gzip, deflate, br", false)); // the cached gzip bytes, no work
        assertBrotliOf(
                get(path, "application/json", null, true).body(),
                get(path, "application/json", "gzip, deflate, br", true)); // keyed: the REST layer
        assertBrotliOf(get(path, "text/plain", null, false).body(), get(path, "text/plain", "gzip, br", false));
        assertBrotliOf(
                get("/v1/articles?limit=50", "application/json", null, false).body(),
                get("/v1/articles?limit=50", "application/json", "br", false));
        assertEquals(
                plain.length,
                get(path, "application/json", "br;q=0, identity", false).body().length,
                "q=0 refuses br");
    }
}
