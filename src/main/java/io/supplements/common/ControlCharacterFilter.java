package io.supplements.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * No slug or anchor contains a control character, and PostgreSQL cannot even compare a text with a
 * NUL in it: a path with one names nothing. (Query parameters are checked where they are parsed.)
 */
public class ControlCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    void refuseControlCharacters(ContainerRequestContext request) {
        if (Params.hasControl(request.getUriInfo().getPath())) {
            throw ProblemException.notFound("There is no resource at this path.");
        }
    }
}
