package io.supplements.source;

import static io.supplements.common.ApiResponses.BAD_PARAMETER;
import static io.supplements.common.ApiResponses.NOT_FOUND;
import static io.supplements.common.ApiResponses.PROBLEM;
import static io.supplements.common.ApiResponses.UNAUTHORIZED;

import io.supplements.common.Caller;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.Problem;
import io.supplements.common.Params;
import io.supplements.source.api.SourceDetail;
import io.supplements.source.api.SourceView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "What the articles cite: journals, web resources, organisations")
public class SourceResource {
    private final SourceService sources;
    private final Caller caller;

    SourceResource(SourceService sources, Caller caller) {
        this.sources = sources;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List cited sources", description = "Oldest first; each is cited or listed by at least one article you may see.")
    @APIResponse(responseCode = "200", description = "A page of sources; a Link header points to the next page")
    @APIResponse(responseCode = "400", description = BAD_PARAMETER, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<SourceView> list(
            @Parameter(description = "journal, web or organization", schema = @Schema(implementation = SourceKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's next") @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        return sources.list(Params.oneOf(SourceKind.class, "kind", kind), paging, caller.canReadDrafts());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One source with the claims and articles citing it")
    @APIResponse(responseCode = "200", description = "The source", content = @Content(schema = @Schema(implementation = SourceDetail.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SourceDetail get(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id) {
        return sources.get(Params.id(id, "source"), caller.canReadDrafts());
    }
}
