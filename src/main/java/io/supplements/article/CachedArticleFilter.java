package io.supplements.article;

import io.supplements.common.ConditionalGetFilter;
import io.supplements.common.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers an anonymous GET of a whole article, of an article list page or of a change-feed page from
 * {@link PublishedArticleCache}, before routing and on the I/O thread: no worker thread, no query, no
 * serialisation, no hashing. A miss goes the usual way, and {@link ConditionalGetFilter} stores what it
 * served. The answer is the same, byte for byte and header for header, as the usual way gives. Search
 * results (q) are not cached: each instance has its own search index.
 */
public class CachedArticleFilter {
    private static final Pattern ARTICLE = Pattern.compile("^/v1/articles/([a-z0-9]+(?:-[a-z0-9]+)*)$");

    private final PublishedArticleCache cache;
    private final RateLimiter limiter;

    CachedArticleFilter(PublishedArticleCache cache, RateLimiter limiter) {
        this.cache = cache;
        this.limiter = limiter;
    }

    // Non-blocking filters run before all others; a path this matches has no control characters to refuse.
    /** What the answer is cached under, or null when it is not cached. */
    private static String key(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        Matcher article = ARTICLE.matcher(path);
        if (article.matches()) {
            return "article:" + article.group(1);
        }
        if (path.equals("/v1/changes")
                || (path.equals("/v1/articles") && !request.getUriInfo().getQueryParameters().containsKey("q"))) {
            return "page:" + request.getUriInfo().getRequestUri();
        }
        return null;
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = 1)
    /** The cached answer, or null to go the usual way. */
    Response serveFromCache(ContainerRequestContext request, HttpServerRequest http) {
        if (!cache.enabled() || !"GET".equals(request.getMethod()) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !accept.equals("*/*") && !accept.equals(MediaType.APPLICATION_JSON)) {
            return null; // text/plain and JSON-LD are negotiated the usual way
        }
        String key = key(request);
        if (key == null) {
            return null;
        }
        PublishedArticleCache.Representation cached = cache.get(key);
        if (cached == null) {
            ConditionalGetFilter.cacheAs(request, key, cache.generation());
            return null;
        }
        Response.ResponseBuilder response;
        if (ConditionalGetFilter.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), cached.etag())) {
            response = Response.notModified(); // revalidations are free, as on the usual way
        } else {
            limiter.takeForAddress(http);
            response = Response.ok(cached.body(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
            if (cached.lastModified() != null) {
                response.header(HttpHeaders.LAST_MODIFIED, cached.lastModified());
            }
        }
        if (cached.link() != null) {
            response.header(HttpHeaders.LINK, cached.link());
        }
        return response.header(HttpHeaders.ETAG, cached.etag()).header(HttpHeaders.CACHE_CONTROL, ConditionalGetFilter.PUBLIC).build();
    }
}
