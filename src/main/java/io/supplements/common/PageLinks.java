package io.supplements.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/** The RFC 8288 {@code Link: <...>; rel="next"} header of every page that has a next one. */
final class PageLinks {
    private PageLinks() {}

    static void linkNext(ContainerRequestContext request, ContainerResponseContext response) {
        String cursor = response.getEntity() instanceof Paged page ? page.linkCursor() : null;
        if (cursor != null) {
            String next = request.getUriInfo()
                    .getRequestUriBuilder()
                    .replaceQueryParam("cursor", cursor)
                    .build()
                    .toString();
            response.getHeaders().add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
    }
}
