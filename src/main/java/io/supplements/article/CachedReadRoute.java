package io.supplements.article;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.supplements.common.ConditionalGetFilter;
import io.supplements.common.RateLimiter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers an anonymous GET of a whole article, of an article list page or of a change-feed page from
 * {@link PublishedArticleCache}, as a Vert.x route ahead of the REST layer: on the I/O thread, with no
 * query, no serialisation, no hashing and no JAX-RS filter chain, which is most of what a read costs once
 * the content is in memory. The security and CORS headers are added by Quarkus before this route runs.
 *
 * <p>Anything else, and a miss, goes on to the REST layer; a miss is marked so that
 * {@link ConditionalGetFilter} stores what was served. The answer is the same, byte for byte and header
 * for header, as the REST layer gives (ArticleCacheApiTest compares them). Search results (q) are not
 * cached: each instance has its own search index. A client out of tokens also goes on, to get its 429.
 */
@ApplicationScoped
public class CachedReadRoute {
    private static final Pattern ARTICLE = Pattern.compile("/v1/articles/([a-z0-9]+(?:-[a-z0-9]+)*)");
    // Spelled as the REST layer spells them.
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence LAST_MODIFIED = HttpHeaders.createOptimized("Last-Modified");
    private static final CharSequence LINK = HttpHeaders.createOptimized("Link");
    private static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json;charset=UTF-8");
    private static final CharSequence PUBLIC = HttpHeaders.createOptimized(ConditionalGetFilter.PUBLIC);
    // Micrometer names a request by this context local (what the REST layer sets too), not by its raw path.
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final PublishedArticleCache cache;
    private final RateLimiter limiter;

    CachedReadRoute(PublishedArticleCache cache, RateLimiter limiter) {
        this.cache = cache;
        this.limiter = limiter;
    }

    void register(@Observes Router router) {
        if (!cache.enabled()) {
            return;
        }
        int order = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;
        router.get("/v1/articles/:slug").order(order).handler(ctx -> {
            Matcher article = ARTICLE.matcher(ctx.request().path()); // the raw path: no percent-decoding to second-guess
            serve(ctx, article.matches() ? "article:" + article.group(1) : null, "/v1/articles/{slug}");
        });
        router.get("/v1/articles").order(order).handler(ctx -> serve(ctx,
                ctx.queryParams().contains("q") ? null : "page:" + ctx.request().absoluteURI(), "/v1/articles"));
        router.get("/v1/changes").order(order).handler(ctx -> serve(ctx, "page:" + ctx.request().absoluteURI(), "/v1/changes"));
    }

    private void serve(RoutingContext ctx, String key, String template) {
        HttpServerRequest request = ctx.request();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (key == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || (accept != null && !accept.equals("*/*") && !accept.equals("application/json"))) {
            ctx.next(); // keyed callers, text/plain and JSON-LD go the usual way
            return;
        }
        PublishedArticleCache.Representation cached = cache.get(key);
        if (cached == null) {
            ConditionalGetFilter.cacheAs(ctx, key, cache.generation());
            ctx.next();
            return;
        }
        boolean notModified = ConditionalGetFilter.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), cached.etag().toString());
        // Revalidations are free, as on the usual way; out of tokens, the usual way answers 429.
        if (!notModified && !limiter.tryTakeForAddress(request)) {
            ctx.next();
            return;
        }
        Vertx.currentContext().putLocal(URL_PATH_TEMPLATE, template);
        HttpServerResponse response = ctx.response();
        if (notModified) {
            response.setStatusCode(304);
        } else {
            response.putHeader(CONTENT_TYPE, JSON);
        }
        if (cached.lastModified() != null) {
            response.putHeader(LAST_MODIFIED, cached.lastModified());
        }
        if (cached.link() != null) {
            response.putHeader(LINK, cached.link());
        }
        response.putHeader(ETAG, cached.etag()).putHeader(CACHE_CONTROL, PUBLIC);
        if (notModified) {
            response.end();
        } else {
            response.end(cached.body());
        }
    }
}
