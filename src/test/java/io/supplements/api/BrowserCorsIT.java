package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * CORS as a real browser enforces it: headless Chromium (Debian package chromium) loads a page from
 * an allowed origin, which reads an article and its ETag, and the same page from another origin,
 * whose read the browser refuses.
 */
class BrowserCorsIT {

    /** A site on the port (0: any) whose page reads the API from the browser. */
    private static HttpServer site(int port, String api) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] page = ("<!doctype html><html><body>reading<script>"
                        + "fetch('" + api + "/v1/articles?limit=1')"
                        + ".then(r => r.json().then(j => document.body.setAttribute('data-result', 'ok:' + j.items[0].slug + ':etag=' + (r.headers.get('ETag') !== null))))"
                        + ".catch(e => document.body.setAttribute('data-result', 'refused:' + e.name));"
                        + "</script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/page.html", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String render(String url) throws Exception {
        Process chromium;
        try {
            chromium = new ProcessBuilder(
                            "chromium",
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--no-first-run",
                            "--user-data-dir=target/chromium-profile",
                            "--virtual-time-budget=10000",
                            "--dump-dom",
                            url)
                    .redirectError(ProcessBuilder.Redirect.appendTo(new java.io.File("target/chromium.log")))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "this test needs headless Chromium: apt-get install chromium (.ci/run installs it)", e);
        }
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        return dom;
    }

    @Test
    void aPageFromAnAllowedOriginReadsArticlesAndTheBrowserRefusesAnotherOrigin() throws Exception {
        PackagedApp.Database database = new PackagedApp.Database("supplements_browser");
        HttpServer allowed = null;
        HttpServer other = null;
        PackagedApp app = null;
        try {
            int allowedPort;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                allowedPort = probe.getLocalPort();
            }
            String allowedOrigin = "http://127.0.0.1:" + allowedPort;
            app = PackagedApp.start(
                    "browser",
                    database.url(),
                    Map.of("SUPPLEMENTS_SAMPLE_CONTENT", "true", "QUARKUS_HTTP_CORS_ORIGINS", allowedOrigin));
            String api = "http://127.0.0.1:" + app.port;
            allowed = site(allowedPort, api);
            other = site(0, api);

            String fromAllowed = render(allowedOrigin + "/page.html");
            assertTrue(
                    fromAllowed.matches("(?s).*data-result=\"ok:[a-z0-9-]+:etag=true\".*"),
                    "allowed origin: " + fromAllowed);
            String fromOther = render("http://127.0.0.1:" + other.getAddress().getPort() + "/page.html");
            assertTrue(fromOther.contains("data-result=\"refused:TypeError\""), "other origin: " + fromOther);
        } finally {
            if (allowed != null) {
                allowed.stop(0);
            }
            if (other != null) {
                other.stop(0);
            }
            if (app != null) {
                app.stop();
            }
            database.drop();
        }
    }
}
