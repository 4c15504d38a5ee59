package io.supplements.article;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.supplements.common.ConditionalGetFilter;
import io.supplements.common.RateLimiter;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers an anonymous JSON GET of a whole article, of an article list or search page or of a
 * change-feed page as a Vert.x route ahead of the REST layer, with no JAX-RS filter chain: from
 * {@link PublishedArticleCache} on the I/O thread with no query, serialisation or hashing; an article
 * the cache does not hold (or every article, when the cache is off) from its stored representation, read
 * by {@link ArticleRepresentations#readBatched} in one indexed query with the other reads waiting then.
 * The security and CORS headers are added by Quarkus before this route runs.
 *
 * <p>Anything else goes on to the REST layer: keyed callers, other media types, an unknown or draft
 * article (its 404), a page the cache does not hold (marked, so that {@link ConditionalGetFilter} stores
 * what was served), and a client out of tokens (its 429). The answer is the same, byte for byte and
 * header for header, as the REST layer gives (ArticleCacheApiTest compares them).
 */
@ApplicationScoped
public class CachedReadRoute {
    private static final Pattern ARTICLE = Pattern.compile("/v1/articles/([a-z0-9]+(?:-[a-z0-9]+)*)");
    /** The query parameters of the pages kept here, as ArticleResource and ChangeResource declare them. */
    static final List<String> ARTICLE_LIST = List.of("topic", "q", "status", "limit", "cursor");

    static final List<String> CHANGE_PAGE = List.of("cursor", "limit");
    // Spelled as the REST layer spells them.
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence LAST_MODIFIED = HttpHeaders.createOptimized("Last-Modified");
    private static final CharSequence LINK = HttpHeaders.createOptimized("Link");
    private static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json;charset=UTF-8");
    private static final CharSequence PUBLIC = HttpHeaders.createOptimized(ConditionalGetFilter.PUBLIC);
    private static final CharSequence CONTENT_ENCODING =
            HttpHeaders.createOptimized("content-encoding"); // as the compressor spells it
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    // Micrometer names a request by this context local (what the REST layer sets too), not by its raw path.
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final PublishedArticleCache cache;
    private final ArticleRepresentations representations;
    private final RateLimiter limiter;

    CachedReadRoute(PublishedArticleCache cache, ArticleRepresentations representations, RateLimiter limiter) {
        this.cache = cache;
        this.representations = representations;
        this.limiter = limiter;
    }

    void register(@Observes Router router) {
        int order = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;
        router.get("/v1/articles/:slug").order(order).handler(this::article);
        if (cache.enabled()) {
            router.get("/v1/articles").order(order).handler(ctx -> servePage(ctx, "/v1/articles", ARTICLE_LIST));
            router.get("/v1/changes").order(order).handler(ctx -> servePage(ctx, "/v1/changes", CHANGE_PAGE));
        }
    }

    /**
     * The page's cache key: its path and the parameters it takes, in this order, decoded. Null when the request
     * names another parameter or one twice: the REST layer answers that (400), and nothing is kept for it, so
     * made-up parameters cannot fill the cache.
     */
    static String pageKey(String path, List<String> known, MultiMap query) {
        StringBuilder key = new StringBuilder(path);
        for (String name : query.names()) {
            if (!known.contains(name) || query.getAll(name).size() > 1) {
                return null;
            }
        }
        for (String name : known) {
            String value = query.get(name);
            if (value != null) {
                key.append(key.length() == path.length() ? '?' : '&')
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return key.toString();
    }

    /** From the cache, or else from the stored representation, read in a batch by a reader thread. */
    private void article(RoutingContext ctx) {
        Matcher slug = ARTICLE.matcher(ctx.request().path()); // the raw path: no percent-decoding to second-guess
        // An article takes no query parameters: the REST layer refuses any.
        if (!slug.matches() || !anonymousJson(ctx.request()) || ctx.request().query() != null) {
            ctx.next();
            return;
        }
        String key = "article:" + slug.group(1);
        PublishedArticleCache.Representation cached = cache.enabled() ? cache.get(key) : null;
        if (cached != null) {
            serve(ctx, cached, "/v1/articles/{slug}");
            return;
        }
        long generation = cache.generation();
        Context context = ctx.vertx().getOrCreateContext();
        representations
                .readBatched(slug.group(1))
                .whenComplete((read, failure) -> context.runOnContext(v -> {
                    if (failure != null || read.isEmpty() || !read.get().published()) {
                        ctx.next(); // the REST layer answers: 404, or the problem of a failure
                        return;
                    }
                    try {
                        serveStored(ctx, key, read.get(), generation);
                    } catch (RuntimeException e) {
                        // Thrown here it would reach no one and leave the request hanging: the REST layer answers
                        // instead.
                        if (ctx.response().headWritten()) {
                            ctx.fail(e);
                        } else {
                            ctx.next();
                        }
                    }
                }));
    }

    private void serveStored(RoutingContext ctx, String key, ArticleRepresentations.Stored stored, long generation) {
        boolean keep = cache.enabled() && cache.admit(key);
        // Inflated only if kept or sent as it is: a revalidation, or a client taking gzip, needs the stored bytes
        // alone.
        boolean plainSent = !notModified(ctx.request(), stored.etag()) && !sendsGzip(ctx.request());
        PublishedArticleCache.Representation representation = PublishedArticleCache.Representation.ofStored(
                stored.id(),
                stored.version(),
                keep || plainSent ? stored.json() : null,
                stored.gzip(),
                stored.etag(),
                ConditionalGetFilter.httpDate(stored.updatedAt()));
        if (keep) {
            cache.put(key, representation, generation);
        }
        serve(ctx, representation, "/v1/articles/{slug}");
    }

    private void servePage(RoutingContext ctx, String template, List<String> known) {
        String path = anonymousJson(ctx.request()) ? pageKey(template, known, ctx.queryParams()) : null;
        if (path == null) {
            ctx.next();
            return;
        }
        // The origin too: the Link header names it.
        String uri = ctx.request().absoluteURI();
        String page = uri.substring(0, uri.length() - ctx.request().uri().length()) + path;
        if (ctx.queryParams().contains("q")) {
            searchPage(ctx, page, template);
            return;
        }
        servePage(ctx, "page:" + page, template);
    }

    /**
     * A search answer must reflect every commit before the request, on every instance: it is kept under
     * the change feed's position when it was computed, and served only while the feed has not moved (every
     * write that changes what an anonymous search finds moves it). Checking costs one small query, read
     * with the other reads waiting then.
     */
    private void searchPage(RoutingContext ctx, String page, String template) {
        Context context = ctx.vertx().getOrCreateContext();
        representations
                .feedPositionBatched()
                .whenComplete((position, failure) -> context.runOnContext(v -> {
                    if (failure != null) {
                        ctx.next(); // the REST layer answers, or gives the problem of the failure
                        return;
                    }
                    try {
                        servePage(ctx, "search:" + position + ":" + page, template);
                    } catch (RuntimeException e) {
                        if (ctx.response().headWritten()) {
                            ctx.fail(e);
                        } else {
                            ctx.next();
                        }
                    }
                }));
    }

    private void servePage(RoutingContext ctx, String key, String template) {
        PublishedArticleCache.Representation cached = cache.get(key);
        if (cached == null) {
            ConditionalGetFilter.cacheAs(ctx, key, cache.generation());
            ctx.next();
            return;
        }
        serve(ctx, cached, template);
    }

    /** Whether Accept-Encoding lists gzip (or *) without q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String param = parts[i].trim();
                    if (param.startsWith("q=") && param.substring(2).trim().matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean notModified(HttpServerRequest request, String etag) {
        return ConditionalGetFilter.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag);
    }

    /** Whether a 200 goes as the gzip bytes: the client accepts them, over HTTP/1 (see {@link #serve}). */
    private static boolean sendsGzip(HttpServerRequest request) {
        return request.version() != io.vertx.core.http.HttpVersion.HTTP_2
                && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    }

    /** Keyed callers, text/plain and JSON-LD go the usual way. */
    private static boolean anonymousJson(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (accept == null || accept.equals("*/*") || accept.equals("application/json"));
    }

    private void serve(RoutingContext ctx, PublishedArticleCache.Representation cached, String template) {
        HttpServerRequest request = ctx.request();
        boolean notModified = notModified(request, cached.etag().toString());
        // Revalidations are free, as on the usual way; out of tokens, the usual way answers 429.
        HttpServerResponse response = ctx.response();
        if (!notModified && !limiter.tryTakeForAddress(request, response)) {
            ctx.next();
            return;
        }
        Vertx.currentContext().putLocal(URL_PATH_TEMPLATE, template);
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
        } else if (sendsGzip(request)) {
            // Already compressed, so the HTTP/1 compressor passes it through untouched. (HTTP/2's reads
            // Content-Encoding as an order to compress: there the plain body goes, compressed per answer.)
            response.putHeader(CONTENT_ENCODING, GZIP).end(cached.gzipBody());
        } else {
            // Without the "identity" Quarkus presets, so that HTTP/2 compresses for a client that asks.
            response.headers().remove(CONTENT_ENCODING);
            response.end(cached.body());
        }
    }
}
