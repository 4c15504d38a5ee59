package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading an article costs the same however many sections, claims and sources it has: it is one query for
 * the stored representation, through JDBC, and no statement of the ORM (which would load the tree).
 */
@QuarkusTest
class QueryCountTest extends ApiTestSupport {
    @Inject
    @io.quarkus.hibernate.orm.PersistenceUnitExtension
    RecordedStatements recorded;

    /** An article of n sections, each with two paragraphs that make claims and cite a source of their own. */
    static byte[] article(int sections) {
        List<String> lines = new ArrayList<>();
        lines.add("Kratom may ease pain, but its risks are debated.");
        lines.add("Many readers ask what kratom does.");
        for (int s = 0; s < sections; s++) {
            lines.add("- Part " + s);
        }
        for (int s = 0; s < sections; s++) {
            lines.add("Part " + s);
            lines.add("A study published in Journal of Ethnopharmacology (" + (1950 + s)
                    + ") found that kratom may relieve pain.");
            lines.add("Some users report that kratom improves their mood.");
        }
        lines.add("Talk to a doctor before trying any supplement.");
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** ORM statements run by the request, and not by the app's background threads meanwhile. */
    private long statements(Runnable request) {
        return recorded.during(request).size();
    }

    @Test
    void aWholeArticleIsReadWithoutLoadingItsTreeWithOneSectionAndWithFifty() {
        String small = uniqueSlug("one");
        String large = uniqueSlug("fifty");
        for (String[] a : new String[][] {{small, "1"}, {large, "50"}}) {
            admin().contentType(TEXT)
                    .body(article(Integer.parseInt(a[1])))
                    .queryParam("slug", a[0])
                    .queryParam("status", "published")
                    .post("/v1/imports")
                    .then()
                    .statusCode(201);
        }
        int largeSources = anonymous()
                .get("/v1/articles/" + large)
                .then()
                .extract()
                .jsonPath()
                .getList("sources")
                .size();
        assertTrue(largeSources >= 50, "the large article cites many sources: " + largeSources);

        // Keyed reads are never cached: each goes to the database, for the stored representation only.
        long one = statements(() -> admin().get("/v1/articles/" + small).then().statusCode(200));
        long fifty =
                statements(() -> admin().get("/v1/articles/" + large).then().statusCode(200));
        System.out.printf("ORM statements per keyed article read: %d with 1 section, %d with 50%n", one, fifty);
        assertEquals(
                0,
                one,
                "a read loads no tree: it is the one stored-representation query (ReadPlanTest checks its plan)");
        assertEquals(0, fifty, "whatever the article holds");
    }
}
