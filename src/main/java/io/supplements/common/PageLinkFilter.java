package io.supplements.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adds the RFC 8288 {@code Link: <...>; rel="next"} header to every page that has a next one. */
public class PageLinkFilter {

    @ServerResponseFilter
    public void linkNext(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Page<?> page && page.next() != null) {
            String next = request.getUriInfo().getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.next())
                    .build().toString();
            response.getHeaders().add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
    }
}
