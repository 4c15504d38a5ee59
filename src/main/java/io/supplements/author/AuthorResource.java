package io.supplements.author;

import static io.supplements.common.ApiResponses.NOT_FOUND;
import static io.supplements.common.ApiResponses.PROBLEM;

import io.supplements.author.api.AuthorView;
import io.supplements.common.Caller;
import io.supplements.common.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/authors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authors")
public class AuthorResource {
    private final AuthorService authors;
    private final Caller caller;

    AuthorResource(AuthorService authors, Caller caller) {
        this.authors = authors;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Path("{slug}")
    @Operation(operationId = "getAuthor", summary = "An author with their articles")
    @APIResponse(
            responseCode = "200",
            description = "The author",
            content = @Content(schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(
            responseCode = "404",
            description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public AuthorView get(@PathParam("slug") String slug) {
        return authors.get(slug, caller.hasKey());
    }
}
