package io.supplements.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared oversized body with a 413 problem before anything reads it. Quarkus enforces
 * the same limit itself (quarkus.http.limits.max-body-size) but answers with an empty body; this
 * gives clients the usual problem document whenever the request states its Content-Length.
 */
@Singleton
public class BodySizeLimit {
    private final long maxBytes;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared)) {
                Problem problem = new Problem("/problems/payload-too-large", "Content Too Large", 413,
                        "The request body is over the limit of " + maxBytes + " bytes.", ctx.request().path(), null);
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, ApiResponses.PROBLEM)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.json.Json.encode(problem));
                return;
            }
            ctx.next();
        });
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
