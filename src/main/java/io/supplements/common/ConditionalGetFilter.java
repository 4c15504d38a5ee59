package io.supplements.common;

import io.supplements.article.api.ArticleView;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The response headers of every answer, in one place so their order is fixed: the Link to the next
 * page, then every successful representation's strong ETag, answers a matching If-None-Match with a 304
 * and no body, and says who may cache it: anyone (a CDN revalidating after 30 s) for what an
 * anonymous caller sees, which is published content only; nobody for what a keyed caller sees.
 */
public class ConditionalGetFilter {
    private final ETags etags;
    private final Caller caller;

    ConditionalGetFilter(ETags etags, Caller caller) {
        this.etags = etags;
        this.caller = caller;
    }

    @ServerResponseFilter
    public void conditional(ContainerRequestContext request, ContainerResponseContext response) {
        PageLinks.linkNext(request, response);
        int status = response.getStatus();
        if ((status != 200 && status != 201) || !response.hasEntity()) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            return;
        }
        byte[] body = etags.bytes(response.getEntity());
        String etag = ETags.of(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL,
                caller.canReadDrafts() ? "private, no-store" : "public, max-age=30, must-revalidate");
        if (response.getEntity() instanceof ArticleView article) {
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(article.updatedAt().atOffset(ZoneOffset.UTC)));
        }
        String method = request.getMethod();
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if ((method.equals("GET") || method.equals("HEAD")) && ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
            return;
        }
        // Already serialised for the hash: send those bytes rather than serialising a second time.
        response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
    }

    /** If-None-Match uses weak comparison: W/"x" matches "x". */
    private static boolean matches(String header, String etag) {
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }
}
