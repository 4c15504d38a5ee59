package io.supplements.common;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The response headers of every answer, in one place so their order is fixed: the Link to the next
 * page, then every successful representation's strong ETag, answers a matching If-None-Match with a 304
 * and no body, and says who may cache it: anyone (a CDN revalidating after 30 s) for what an
 * anonymous caller sees, which is published content only; nobody for what a keyed caller sees.
 */
public class ConditionalGetFilter {
    public static final String PUBLIC = "public, max-age=30, must-revalidate";
    private static final String CACHE_AS = ConditionalGetFilter.class.getName() + ".cacheAs";
    private static final String GENERATION = ConditionalGetFilter.class.getName() + ".generation";

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ETags etags;
    private final Caller caller;
    private final PageCache cache;

    ConditionalGetFilter(ETags etags, Caller caller, PageCache cache) {
        this.etags = etags;
        this.caller = caller;
        this.cache = cache;
    }

    /** Marks an anonymous list or feed page that missed the cache: what it serves is stored under the key. */
    public static void cacheAs(RoutingContext ctx, String key, long generation) {
        ctx.put(CACHE_AS, key);
        ctx.put(GENERATION, generation);
    }

    @ServerResponseFilter
    public void conditional(ContainerRequestContext request, ContainerResponseContext response, RoutingContext ctx) {
        PageLinks.linkNext(request, response);
        int status = response.getStatus();
        if ((status != 200 && status != 201) || !response.hasEntity()) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            return;
        }
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        byte[] body;
        if (etag != null && response.getEntity() instanceof byte[] stored) {
            body = stored; // a stored representation, sent with the ETag stored beside it
        } else {
            body = etags.bytes(response.getEntity());
            etag = ETags.of(body);
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, caller.hasKey() ? "private, no-store" : PUBLIC);
        String lastModified = response.getHeaderString(HttpHeaders.LAST_MODIFIED);
        if (response.getEntity() instanceof Dated dated) {
            lastModified = httpDate(dated.updatedAt());
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, lastModified);
        }
        if (ctx.get(CACHE_AS) instanceof String key && status == 200 && !caller.hasKey() && cache.admit(key)) {
            // Only pages are marked (articles are cached by CachedReadRoute itself): any change drops them. A page
            // is kept at its second miss: a mirror's walk through the feed reads each page once.
            cache.putPage(
                    key, body, etag, lastModified, response.getHeaderString(HttpHeaders.LINK), ctx.get(GENERATION));
        }
        String method = request.getMethod();
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if ((method.equals("GET") || method.equals("HEAD")) && ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE); // no body to describe
            return;
        }
        // Already serialised for the hash: send those bytes rather than serialising a second time.
        response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
    }

    /** An HTTP date (IMF-fixdate, RFC 9110): "Tue, 01 Dec 2026 10:00:00 GMT". */
    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** If-None-Match uses weak comparison: W/"x" matches "x". */
    public static boolean matches(String header, String etag) {
        return header != null
                && Arrays.stream(header.split(","))
                        .map(String::trim)
                        .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                        .anyMatch(t -> t.equals("*") || t.equals(etag));
    }
}
