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
            return Map.of("supplements.rate-limit.anonymous-per-minute", "5", "supplements.rate-limit.keyed-per-minute", "10");
        }
    }

    @Test
    void anAddressOverItsLimitGets429WithRetryAfterAndRevalidationsAndBadKeysAreCountedFairly() {
        // 1 and 2: a list and an article
        String slug = anonymous().queryParam("limit", 1).get("/v1/articles").then().statusCode(200).extract().jsonPath().getString("items[0].slug");
        String etag = anonymous().get("/v1/articles/" + slug).then().statusCode(200).extract().header("ETag");
        // a mirror revalidating what it holds costs nothing
        for (int i = 0; i < 10; i++) {
            anonymous().header("If-None-Match", etag).get("/v1/articles/" + slug).then().statusCode(304);
        }
        // 3: guessing a key counts against the address
        invalidRequest().header("Authorization", "Bearer sak_guess").get("/v1/articles").then().statusCode(401);
        // 4 and 5
        anonymous().get("/v1/articles/" + slug).then().statusCode(200);
        anonymous().get("/v1/articles/" + slug).then().statusCode(200);
        Response limited = anonymous().get("/v1/articles/" + slug);
        limited.then().statusCode(429).contentType(PROBLEM_JSON).body("type", equalTo("/problems/rate-limited"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 12, "one token comes back every 12 s at 5 a minute: " + retryAfter);
        invalidRequest().header("Authorization", "Bearer sak_guess").get("/v1/articles").then().statusCode(429);
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
        KeysAndRolesApiTest.as(second).get("/v1/vocabulary").then().statusCode(200);
    }
}
