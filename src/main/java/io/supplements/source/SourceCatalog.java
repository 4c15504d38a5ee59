package io.supplements.source;

import io.supplements.claim.extraction.SourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Finds or creates the shared source behind a citation or a related resource; see {@link #keyOf}.
 */
@ApplicationScoped
public class SourceCatalog {
    private final Event<SourceChanged> changed;
    private final Clock clock;

    SourceCatalog(Event<SourceChanged> changed, Clock clock) {
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * The identity of a source: a web resource's URL, an organisation's name, a journal's or an author's name
     * and year, a document's identifier.
     */
    public static String keyOf(SourceKind kind, String name, Integer year, String url) {
        return switch (kind) {
            case web -> "url:" + normaliseUrl(url);
            case organization, document -> kind + ":" + name.trim().toLowerCase(Locale.ROOT);
            case journal, author ->
                kind + ":" + name.trim().toLowerCase(Locale.ROOT) + ":" + (year == null ? "" : year);
        };
    }

    /**
     * The source a citation names, created on first use.
     *
     * @param identifiers the identifiers the citing sentence gives ({@code doi}, {@code pmid}, {@code pmcid},
     *                    {@code nct}, {@code url}); a document cited by them alone takes them as its DOI,
     *                    PMID and link. A journal or a body is not one paper, so theirs are left alone.
     */
    public Source cited(SourceKind kind, String name, Integer year, Map<String, String> identifiers) {
        String key = keyOf(kind, name, year, null);
        Source source = find(key);
        if (source == null) {
            source = create(key, kind);
            source.name = name.trim();
            source.year = year;
            if (kind == SourceKind.document) {
                source.doi = identifiers.get("doi");
                source.pmid = identifiers.get("pmid");
                source.url = linkOf(identifiers);
            }
            source.persist();
        }
        return source;
    }

    /** Where a reader can follow a document's identifier. */
    private static String linkOf(Map<String, String> identifiers) {
        if (identifiers.containsKey("url")) {
            return identifiers.get("url");
        }
        if (identifiers.containsKey("doi")) {
            return "https://doi.org/" + identifiers.get("doi");
        }
        if (identifiers.containsKey("pmid")) {
            return "https://pubmed.ncbi.nlm.nih.gov/" + identifiers.get("pmid") + "/";
        }
        if (identifiers.containsKey("pmcid")) {
            return "https://pmc.ncbi.nlm.nih.gov/articles/" + identifiers.get("pmcid") + "/";
        }
        if (identifiers.containsKey("nct")) {
            return "https://clinicaltrials.gov/study/" + identifiers.get("nct");
        }
        return null;
    }

    /**
     * @param published whether the article listing it is published: only then does its wording replace
     *                  the source's, so that a draft's wording never shows on a public source
     */
    public Source web(String name, String type, String description, String url, boolean published) {
        String key = keyOf(SourceKind.web, name, null, url);
        Source source = find(key);
        boolean created = source == null;
        if (created) {
            source = create(key, SourceKind.web);
        }
        if (created || published) {
            var before = created ? null : SourceMapper.toView(source);
            source.name = name;
            source.resourceType = type;
            source.description = description;
            source.url = url;
            if (!created && !before.equals(SourceMapper.toView(source))) {
                changed.fire(new SourceChanged(source.id));
            }
        }
        if (created) {
            source.persist();
        }
        return source;
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

    public static Source find(String key) {
        return Source.find("sourceKey", key).firstResult();
    }

    private Source create(String key, SourceKind kind) {
        Source s = new Source();
        s.sourceKey = key;
        s.kind = kind;
        s.createdAt = clock.instant();
        return s;
    }
}
