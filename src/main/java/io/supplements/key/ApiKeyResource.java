package io.supplements.key;

import static io.supplements.common.ApiResponses.BAD_PARAMETER;
import static io.supplements.common.ApiResponses.PROBLEM;

import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.Problem;
import io.supplements.key.api.ApiKeyView;
import io.supplements.key.api.NewApiKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Keys", description = "API keys and their roles (admin only)")
public class ApiKeyResource {
    private final ApiKeyService keys;

    ApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description =
                    "Roles: reader (reads drafts, registers webhooks), editor (also writes "
                            + "content), admin (also manages keys and sees every webhook). The secret is in this answer only: only a digest is stored.")
    @APIResponse(
            responseCode = "201",
            description = "The key with its secret; Location is its URL",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields; errors[] points at each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewApiKey body) {
        ApiKeyView created = keys.create(body);
        return Response.created(URI.create("/v1/keys/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed("admin")
    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description = "Oldest first, revoked ones included; never their secrets.")
    @APIResponse(responseCode = "200", description = "A page of keys; a Link header points to the next page")
    @APIResponse(
            responseCode = "400",
            description = BAD_PARAMETER,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ApiKeyView> list(
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
        return keys.list(Paging.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "getApiKey", summary = "One API key")
    @APIResponse(
            responseCode = "200",
            description = "The key",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such key",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ApiKeyView get(@PathParam("id") long id) {
        return keys.get(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "At once: the next request with it is a 401, and its webhooks stop "
                    + "receiving. The key stays listed, with revokedAt.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(
            responseCode = "404",
            description = "No such key",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public void revoke(@PathParam("id") long id) {
        keys.revoke(id);
    }
}
