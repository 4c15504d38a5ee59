package io.supplements.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitApiTest.LowLimits.class)
class RateLimitApiTest extends ApiTestSupport {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "supplements.rate-limit.anonymous-per-minute",
                    "5",
                    "supplements.rate-limit.keyed-per-minute",
                    "10");
        }
    }

    @Test
    void anAddressOverItsLimitGets429WithRetryAfterAndRevalidationsAndBadKeysAreCountedFairly() {
        // 1 and 2: a list and an article, each telling the client where it stands
        Response list = anonymous().queryParam("limit", 1).get("/v1/articles");
        list.then().statusCode(200).header("RateLimit-Policy", "\"anonymous\";q=5;w=60");
        assertEquals(4, remaining(list));
        String slug = list.jsonPath().getString("items[0].slug");
        Response article = anonymous().get("/v1/articles/" + slug);
        article.then().statusCode(200).header("RateLimit-Policy", "\"anonymous\";q=5;w=60");
        assertEquals(3, remaining(article));
        String etag = article.header("ETag");
        // a mirror revalidating what it holds costs nothing
        for (int i = 0; i < 10; i++) {
            anonymous()
                    .header("If-None-Match", etag)
                    .get("/v1/articles/" + slug)
                    .then()
                    .statusCode(304);
        }
        // 3: guessing a key counts against the address
        invalidRequest()
                .header("Authorization", "Bearer sak_guess")
                .get("/v1/articles")
                .then()
                .statusCode(401);
        // 4 and 5
        anonymous().get("/v1/articles/" + slug).then().statusCode(200);
        anonymous().get("/v1/articles/" + slug).then().statusCode(200);
        Response limited = anonymous().get("/v1/articles/" + slug);
        limited.then().statusCode(429).contentType(PROBLEM_JSON).body("type", equalTo("/problems/rate-limited"));
        assertEquals(0, remaining(limited));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 12, "one token comes back every 12 s at 5 a minute: " + retryAfter);
        invalidRequest()
                .header("Authorization", "Bearer sak_guess")
                .get("/v1/articles")
                .then()
                .statusCode(429);
    }

    /** r of the RateLimit header, after checking its form; its t is within the time the whole bucket takes to refill. */
    private static long remaining(Response r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(anonymous|keyed)\";r=(\\d+);t=(\\d+)")
                .matcher(r.header("RateLimit"));
        assertTrue(m.matches(), r.header("RateLimit"));
        assertTrue(Long.parseLong(m.group(3)) <= 60, "t is at most the window: " + m.group(3));
        return Long.parseLong(m.group(2));
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        String first = KeysAndRolesApiTest.newKey(io.supplements.common.Caller.Role.reader);
        String second = KeysAndRolesApiTest.newKey(io.supplements.common.Caller.Role.reader);
        int ok = 0;
        int status;
        while ((status = KeysAndRolesApiTest.as(first).get("/v1/vocabulary").statusCode()) == 200) {
            ok++;
            assertTrue(ok <= 10, "the limit is 10 a minute");
        }
        assertEquals(429, status);
        assertEquals(10, ok);
        KeysAndRolesApiTest.as(first)
                .get("/v1/vocabulary")
                .then()
                .statusCode(429)
                .header("RateLimit-Policy", "\"keyed\";q=10;w=60");
        KeysAndRolesApiTest.as(second).get("/v1/vocabulary").then().statusCode(200);
    }
}
