package io.supplements.api;

import static io.supplements.api.ApiTestSupport.admin;
import static io.supplements.api.ApiTestSupport.anonymous;
import static io.supplements.api.ApiTestSupport.uniqueSlug;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Articles and mirrors the API tests share: a small imported article, the published content, a feed mirror. */
final class TestArticles {
    /** A short article about kratom in the seed format, with one section. */
    static final String TEXT = String.join(
            "\n",
            "Kratom may ease pain, but its risks are debated.",
            "Many readers ask what kratom does.",
            "- What Kratom Is",
            "What Kratom Is",
            "Kratom is a tropical tree whose leaves contain mitragynine.",
            "Talk to a doctor before trying any supplement.");

    private TestArticles() {}

    /** A mirror as a client would keep it: id → (version, article JSON), tombstones applied. */
    static final class Mirror {
        final Map<Long, Map<String, Object>> articles = new TreeMap<>();
        String cursor;

        /** Applies every page until the feed has no more; returns the items seen. */
        List<Map<String, Object>> sync() {
            List<Map<String, Object>> seen = new java.util.ArrayList<>();
            boolean more = true;
            while (more) {
                JsonPath page = (cursor == null ? anonymous() : anonymous().queryParam("cursor", cursor))
                        .queryParam("limit", 7)
                        .get("/v1/changes")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                items.forEach(this::apply);
                seen.addAll(items);
                cursor = page.getString("next");
                more = page.getBoolean("hasMore");
            }
            return seen;
        }

        /** The newest version applied per id, tombstones included: a mirror that forgets a delete could resurrect the article. */
        final Map<Long, Long> versions = new TreeMap<>();

        /** As the spec says: apply a change only if it is newer than what the mirror holds. */
        @SuppressWarnings("unchecked")
        void apply(Map<String, Object> item) {
            long id = ((Number) item.get("id")).longValue();
            long version = ((Number) item.get("version")).longValue();
            Long mine = versions.get(id);
            if (mine != null && mine >= version) {
                return;
            }
            versions.put(id, version);
            if (item.get("op").equals("delete")) {
                articles.remove(id);
            } else {
                articles.put(id, (Map<String, Object>) item.get("article"));
            }
        }
    }

    /** The published content as the articles API shows it: id → article JSON. */
    static Map<Long, Map<String, Object>> published() {
        Map<Long, Map<String, Object>> all = new TreeMap<>();
        String cursor = null;
        do {
            JsonPath page = (cursor == null ? anonymous() : anonymous().queryParam("cursor", cursor))
                    .queryParam("limit", 100)
                    .get("/v1/articles")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (Object slug : page.getList("items.slug")) {
                Map<String, Object> a = anonymous()
                        .get("/v1/articles/" + slug)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("");
                all.put(((Number) a.get("id")).longValue(), a);
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return all;
    }

    /** Imports {@link #TEXT} under a new slug with the given status; returns the slug. */
    static String create(String status) {
        String slug = uniqueSlug("feed");
        admin().contentType(ApiTestSupport.TEXT)
                .body(TEXT.getBytes(StandardCharsets.UTF_8))
                .queryParam("slug", slug)
                .queryParam("status", status)
                .post("/v1/imports")
                .then()
                .statusCode(201);
        return slug;
    }
}
