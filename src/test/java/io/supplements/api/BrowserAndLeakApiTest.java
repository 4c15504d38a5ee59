package io.supplements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BrowserAndLeakApiTest extends ApiTestSupport {
    /** What a stack trace, an SQL error or a class name looks like in a response body. */
    static final Pattern LEAK =
            Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]+\\.|java\\.|jakarta\\.|org\\.hibernate|io\\.supplements|"
                    + "\\bSQL\\b|SQLState|select .* from|syntax error|NullPointer");

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        String slug = anonymous()
                .queryParam("limit", 1)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].slug");
        String etag = anonymous()
                .get("/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        List<Response> responses = List.of(
                anonymous().get("/v1/articles/" + slug),
                anonymous().header("If-None-Match", etag).get("/v1/articles/" + slug),
                invalidRequest().get("/v1/articles/no-such-article"),
                invalidRequest().contentType("application/json").body("{").post("/v1/articles"));
        for (Response r : responses) {
            r.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", containsString("default-src 'none'"));
        }
    }

    @Test
    void errorsTellTheClientWhatWentWrongWithoutInternals() {
        List<Response> responses = List.of(
                invalidRequest()
                        .header("Authorization", "Bearer " + ADMIN_KEY)
                        .contentType("application/json")
                        .body("{\"slug\": 12, \"title\": [}")
                        .post("/v1/articles"),
                invalidRequest()
                        .header("Authorization", "Bearer " + ADMIN_KEY)
                        .contentType("application/json")
                        .body("{\"slug\": \"x\", \"title\": \"T\", \"text\": {\"summary\": null}}")
                        .post("/v1/articles"),
                invalidRequest().queryParam("limit", "99999999999999999999").get("/v1/articles"),
                invalidRequest()
                        .queryParam("cursor", "'; drop table article; --")
                        .get("/v1/claims"),
                invalidRequest().get("/v1/claims/1e309"),
                invalidRequest().get("/v1/sources/-1"),
                invalidRequest()
                        .header("Authorization", "Bearer " + ADMIN_KEY)
                        .contentType("text/plain; charset=utf-8")
                        .body(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1})
                        .post("/v1/imports?slug=bin"),
                invalidRequest()
                        .header("Authorization", "Bearer " + ADMIN_KEY)
                        .contentType("application/xml")
                        .body("<a/>")
                        .post("/v1/articles"),
                invalidRequest().delete("/v1/changes"));
        for (Response r : responses) {
            r.then()
                    .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                            .and(org.hamcrest.Matchers.lessThan(500)))
                    .contentType(PROBLEM_JSON);
            assertFalse(LEAK.matcher(r.asString()).find(), "leaks internals: " + r.asString());
        }
    }

    @Test
    void anAllowedOriginMayReadTheApiFromABrowserAndOthersMayNot() {
        given().header("Origin", "http://allowed.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .options("/v1/articles")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://allowed.example")
                .header("Access-Control-Allow-Methods", containsString("GET"));
        Response allowed = given().header("Origin", "http://allowed.example").get("/v1/articles");
        allowed.then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://allowed.example")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        allowed.then()
                .header("Vary", containsString("Origin")); // a shared cache must not give this answer to another origin
        Response other = given().header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/v1/articles");
        other.then().header("Access-Control-Allow-Origin", not(equalTo("http://evil.example")));
        given().header("Origin", "http://evil.example")
                .get("/v1/articles")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
