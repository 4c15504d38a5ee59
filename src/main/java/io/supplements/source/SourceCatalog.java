package io.supplements.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;

/**
 * Finds or creates the shared source behind a citation or a related resource. Identity: a journal
 * or organisation by kind, name (case-insensitive) and year; a web resource by its URL.
 */
@ApplicationScoped
public class SourceCatalog {

    public Source cited(SourceKind kind, String name, Integer year) {
        String key = kind + ":" + name.trim().toLowerCase(Locale.ROOT) + ":" + (year == null ? "" : year);
        return findOrCreate(key, () -> {
            Source s = new Source();
            s.kind = kind;
            s.name = name.trim();
            s.year = year;
            return s;
        });
    }

    public Source web(String name, String type, String description, String url) {
        return findOrCreate("url:" + normaliseUrl(url), () -> {
            Source s = new Source();
            s.kind = SourceKind.web;
            s.name = name;
            s.resourceType = type;
            s.description = description;
            s.url = url;
            return s;
        });
    }

    /** "https://WWW.nih.gov/" and "https://www.nih.gov" are the same resource. */
    static String normaliseUrl(String url) {
        String u = url.trim();
        int scheme = u.indexOf("://");
        if (scheme > 0) {
            int pathStart = u.indexOf('/', scheme + 3);
            String origin = pathStart < 0 ? u : u.substring(0, pathStart);
            u = origin.toLowerCase(Locale.ROOT) + (pathStart < 0 ? "" : u.substring(pathStart));
        }
        while (u.length() > 1 && u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private Source findOrCreate(String key, java.util.function.Supplier<Source> create) {
        Source existing = Source.find("sourceKey", key).firstResult();
        if (existing != null) {
            return existing;
        }
        Source s = create.get();
        s.sourceKey = key;
        s.createdAt = Instant.now();
        s.persist();
        return s;
    }
}
