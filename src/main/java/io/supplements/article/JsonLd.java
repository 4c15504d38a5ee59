package io.supplements.article;

import io.supplements.source.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article as schema.org JSON-LD, for search engines: a MedicalWebPage with its author, what it is
 * about (the supplements its claims concern) and what it cites.
 */
final class JsonLd {
    private JsonLd() {}

    static Map<String, Object> of(ArticleTree t, String articleUrl) {
        Article a = t.article();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "MedicalWebPage");
        page.put("@id", articleUrl);
        page.put("url", articleUrl);
        page.put("headline", a.title);
        page.put("name", a.title);
        page.put("description", a.summary);
        page.put("inLanguage", "en");
        page.put("dateCreated", a.createdAt.toString());
        page.put("dateModified", a.updatedAt.toString());
        putIfPresent(page, "datePublished", a.publishedAt);
        page.put("version", a.version);
        if (!t.topics().isEmpty()) {
            page.put("keywords", String.join(", ", t.topics()));
        }
        if (a.author != null) {
            page.put("author", Map.of("@type", "Person", "name", a.author.name, "description", a.authorBio));
        }
        page.put(
                "about",
                t.claims().stream()
                        .map(c -> c.supplement)
                        .filter(Objects::nonNull)
                        .distinct()
                        .map(s -> Map.of("@type", "DietarySupplement", "name", s))
                        .toList());
        page.put(
                "citation",
                ArticleMapper.sourcesOf(t).stream().map(JsonLd::citation).toList());
        page.put(
                "mentions",
                t.claims().stream()
                        .map(c -> c.outcome)
                        .filter(Objects::nonNull)
                        .distinct()
                        .map(o -> Map.of("@type", "MedicalEntity", "name", o))
                        .toList());
        return page;
    }

    private static Map<String, Object> citation(Source s) {
        Map<String, Object> c = new LinkedHashMap<>();
        switch (s.kind) {
            case journal -> paper(c, s, "isPartOf", Map.of("@type", "Periodical", "name", s.name));
            case author -> paper(c, s, "author", Map.of("@type", "Person", "familyName", s.name));
            case document -> paper(c, s, "identifier", s.name);
            case web -> {
                c.put("@type", "WebPage");
                c.put("name", s.name);
            }
            case organization -> {
                c.put("@type", "Organization");
                c.put("name", s.name);
            }
        }
        putIfPresent(c, "url", s.url);
        putIfPresent(c, "description", s.description);
        List<String> ids = new ArrayList<>();
        if (s.doi != null) {
            ids.add("https://doi.org/" + s.doi);
        }
        if (s.pmid != null) {
            ids.add("https://pubmed.ncbi.nlm.nih.gov/" + s.pmid + "/");
        }
        if (!ids.isEmpty()) {
            c.put("sameAs", ids);
        }
        return c;
    }

    /** A cited paper: in a journal, by an author, or known by an identifier ({@code key}). */
    private static void paper(Map<String, Object> c, Source s, String key, Object value) {
        c.put("@type", "ScholarlyArticle");
        c.put(key, value);
        putIfPresent(c, "datePublished", s.year == null ? null : s.year.toString());
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof Instant i ? i.toString() : value);
        }
    }
}
