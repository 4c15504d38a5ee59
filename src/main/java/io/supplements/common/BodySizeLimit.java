package io.supplements.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an oversized body with a 413 problem. Quarkus enforces the same limit itself
 * (quarkus.http.limits.max-body-size) but answers with an empty body. A declared Content-Length is
 * checked before anything reads the body; a chunked body, whose size nobody knows in advance, is read
 * here up to the limit (the REST layer then takes it from memory) and refused as soon as it goes over.
 */
@Singleton
public class BodySizeLimit {
    private final long maxBytes;
    private final BodyHandler chunkedBodies;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBytes = max.asLongValue();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBytes);
    }

    void install(@Observes Router router) {
        // After the security headers (MIN_VALUE), before anything reads a body.
        router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT)
                .handler(ctx -> {
                    String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (declared != null && isOver(declared)) {
                        refuse(ctx);
                    } else if (declared == null
                            && ctx.request()
                                    .headers()
                                    .contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
                        chunkedBodies.handle(ctx); // fails the request with 413 when it goes over, else goes on
                    } else {
                        ctx.next();
                    }
                })
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                        refuse(ctx);
                    } else {
                        ctx.next();
                    }
                });
    }

    private void refuse(RoutingContext ctx) {
        Problem problem = new Problem(
                "/problems/payload-too-large",
                "Content Too Large",
                413,
                "The request body is over the limit of " + maxBytes + " bytes.",
                ctx.request().path(),
                null);
        ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, ApiResponses.PROBLEM)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
