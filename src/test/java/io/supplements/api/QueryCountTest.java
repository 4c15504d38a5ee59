package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Reading an article costs the same few SQL statements however many sections, claims and sources it has. */
@QuarkusTest
class QueryCountTest extends ApiTestSupport {
    @Inject
    SessionFactory sessions;

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
            lines.add("A study published in Journal of Ethnopharmacology (" + (1950 + s) + ") found that kratom may relieve pain.");
            lines.add("Some users report that kratom improves their mood.");
        }
        lines.add("Talk to a doctor before trying any supplement.");
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** Statements run by the request: the fewest of ten tries, since the background pollers (webhooks, cache, search) share the counter. */
    private long statements(Runnable request) {
        Statistics stats = sessions.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long before = stats.getPrepareStatementCount();
            request.run();
            fewest = Math.min(fewest, stats.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    @Test
    void aWholeArticleCostsTheSameStatementsWithOneSectionAndWithFifty() {
        String small = uniqueSlug("one");
        String large = uniqueSlug("fifty");
        for (String[] a : new String[][] {{small, "1"}, {large, "50"}}) {
            admin().contentType(TEXT).body(article(Integer.parseInt(a[1]))).queryParam("slug", a[0]).queryParam("status", "published")
                    .post("/v1/imports").then().statusCode(201);
        }
        int largeSources = anonymous().get("/v1/articles/" + large).then().extract().jsonPath().getList("sources").size();
        assertTrue(largeSources >= 50, "the large article cites many sources: " + largeSources);

        for (String caller : List.of("anonymous", "editor")) {
            long one = statements(() -> (caller.equals("anonymous") ? anonymous() : admin()).get("/v1/articles/" + small).then().statusCode(200));
            long fifty = statements(() -> (caller.equals("anonymous") ? anonymous() : admin()).get("/v1/articles/" + large).then().statusCode(200));
            System.out.printf("Statements per article read (%s): %d with 1 section, %d with 50%n", caller, one, fifty);
            assertEquals(one, fifty, caller + ": the cost does not grow with the article");
            assertTrue(one <= 8, caller + ": a small, fixed number of statements: " + one);
        }
    }
}
