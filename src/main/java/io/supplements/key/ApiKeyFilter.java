package io.supplements.key;

import io.supplements.common.Caller;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A key that is not valid is refused outright, on operations open to anyone too: a client with a mistyped or
 * revoked key learns it at once instead of silently reading as an anonymous caller. (Authentication is
 * otherwise lazy: an operation that needs no identity does not look the key up.)
 */
public class ApiKeyFilter {
    private final Caller caller;

    ApiKeyFilter(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    void authenticate(HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            caller.hasKey(); // resolves the identity: an invalid key throws here
        }
    }
}
