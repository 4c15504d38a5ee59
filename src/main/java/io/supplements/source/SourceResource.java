package io.supplements.source;

import static io.supplements.common.ApiResponses.BAD_PARAMETER;
import static io.supplements.common.ApiResponses.IF_MATCH;
import static io.supplements.common.ApiResponses.NOT_FOUND;
import static io.supplements.common.ApiResponses.PROBLEM;

import io.supplements.claim.extraction.SourceKind;
import io.supplements.common.Caller;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.Params;
import io.supplements.common.Problem;
import io.supplements.source.api.NewSource;
import io.supplements.source.api.SourceDetail;
import io.supplements.source.api.SourceView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "What the articles cite: journals, web resources, organisations")
public class SourceResource {
    private final SourceService sources;
    private final SourceEditor editor;
    private final Caller caller;

    SourceResource(SourceService sources, SourceEditor editor, Caller caller) {
        this.sources = sources;
        this.editor = editor;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listSources",
            summary = "List sources",
            description =
                    "Oldest first. Without a key, the sources that some published article "
                            + "cites or lists; with one, every source, including those an editor created and nothing cites yet.")
    @APIResponse(responseCode = "200", description = "A page of sources; a Link header points to the next page")
    @APIResponse(
            responseCode = "400",
            description = BAD_PARAMETER,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<SourceView> list(
            @Parameter(
                            description =
                                    "journal, web, organization, author (an author-year citation) or document (cited by an identifier only)",
                            schema = @Schema(implementation = SourceKind.class))
                    @QueryParam("kind")
                    String kind,
            @Parameter(
                            description = "Page size, 1 to 100",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "Opaque cursor from the previous page's next") @QueryParam("cursor")
                    String cursor) {
        Paging paging = Paging.of(limit, cursor);
        return sources.list(Params.oneOf(SourceKind.class, "kind", kind), paging, caller.hasKey());
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(operationId = "getSource", summary = "One source with the claims and articles citing it")
    @APIResponse(
            responseCode = "200",
            description = "The source",
            content = @Content(schema = @Schema(implementation = SourceDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SourceDetail get(@PathParam("id") long id) {
        return sources.get(id, caller.hasKey());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "createSource",
            summary = "Create a source",
            description = "To cite it from claims. DOI, PMID and URL are validated.")
    @APIResponse(
            responseCode = "201",
            description = "The source; Location is its URL",
            content = @Content(schema = @Schema(implementation = SourceDetail.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields (a malformed DOI, PMID or URL, ...); errors[] points at each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The source exists already (same URL, or same kind, name and year)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewSource body) {
        SourceDetail created = editor.create(body);
        return Response.created(URI.create("/v1/sources/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "replaceSource",
            summary = "Replace a source's details",
            description = "For instance to add its DOI or PMID.")
    @APIResponse(
            responseCode = "200",
            description = "The source",
            content = @Content(schema = @Schema(implementation = SourceDetail.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields; errors[] points at each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such source",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another source has that identity",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SourceDetail replace(
            @PathParam("id") long id,
            @Valid @NotNull NewSource body,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        return editor.replace(id, body, ifMatch);
    }
}
