package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.supplements.client.ApiClient;
import io.supplements.client.ApiException;
import io.supplements.client.api.ArticlesApi;
import io.supplements.client.api.ChangesApi;
import io.supplements.client.api.ImportsApi;
import io.supplements.client.model.ArticlePreview;
import io.supplements.client.model.ArticleStatus;
import io.supplements.client.model.ArticleSummary;
import io.supplements.client.model.ArticleView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client openapi-generator makes from the committed spec (Java, native HTTP) works against the app. */
@QuarkusTest
class GeneratedClientTest extends ApiTestSupport {

    private static ApiClient client(String key) {
        ApiClient client =
                new ApiClient().setScheme("http").setHost("localhost").setPort(RestAssured.port);
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        }
        return client;
    }

    @Test
    void aGeneratedClientListsGetsAndImports() throws Exception {
        ArticlesApi articles = new ArticlesApi(client(null));
        List<ArticleSummary> page =
                articles.listArticles(null, 5, null, null, null, null).getItems();
        assertFalse(page.isEmpty());
        ArticleView first = articles.getArticle(page.get(0).getSlug(), null);
        assertEquals(page.get(0).getTitle(), first.getTitle());
        assertFalse(first.getSections().isEmpty());

        String slug = uniqueSlug("client");
        // The Java generator types an operation by its first 2xx answer, the dry run's 200 (an ArticlePreview), so a
        // real import (201) reads as one here too: its fields are the article's, less the ids.
        ArticlePreview imported = new ImportsApi(client(ADMIN_KEY))
                .importArticle(
                        new String(seed(SEEDS[2]), StandardCharsets.UTF_8),
                        false,
                        slug,
                        ArticleStatus.PUBLISHED,
                        "Imported by a generated client",
                        List.of("kratom"));
        assertEquals(slug, imported.getSlug());
        assertEquals(
                imported.getClaims().size(),
                articles.getArticle(slug, null).getClaims().size());
        assertTrue(new ChangesApi(client(null))
                        .listChanges(null, 100, null)
                        .getItems()
                        .size()
                > 0);

        ApiException missing = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class, () -> articles.getArticle("no-such-article", null));
        assertEquals(404, missing.getCode());
    }
}
