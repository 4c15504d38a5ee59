package io.supplements.claim;

import static io.supplements.common.ApiResponses.BAD_PARAMETER;
import static io.supplements.common.ApiResponses.NOT_FOUND;
import static io.supplements.common.ApiResponses.PROBLEM;
import static io.supplements.common.ApiResponses.UNAUTHORIZED;

import io.supplements.claim.ClaimService.ListQuery;
import io.supplements.claim.api.ClaimDetail;
import io.supplements.claim.api.ClaimView;
import io.supplements.common.Caller;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.Problem;
import io.supplements.common.Params;
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

@Path("/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "What the articles claim, and what they cite for it")
public class ClaimResource {
    private final ClaimService claims;
    private final Caller caller;

    ClaimResource(ClaimService claims, Caller caller) {
        this.claims = claims;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List claims across articles", description = "Oldest first. Only claims of published articles without a key.")
    @APIResponse(responseCode = "200", description = "A page of claims; a Link header points to the next page")
    @APIResponse(responseCode = "400", description = BAD_PARAMETER, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ClaimView> list(
            @Parameter(description = "Supplement slug", example = "kratom") @QueryParam("supplement") String supplement,
            @Parameter(description = "Outcome slug", example = "hair-loss") @QueryParam("outcome") String outcome,
            @Parameter(description = "asserts, denies or uncertain", schema = @Schema(implementation = Stance.class)) @QueryParam("stance") String stance,
            @Parameter(description = "Slug of the article") @QueryParam("article") String article,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's next") @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        return claims.list(new ListQuery(Params.text(supplement), Params.text(outcome), Params.oneOf(Stance.class, "stance", stance), Params.text(article)),
                paging, caller.canReadDrafts());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One claim with its citations and the sources they point to")
    @APIResponse(responseCode = "200", description = "The claim", content = @Content(schema = @Schema(implementation = ClaimDetail.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ClaimDetail get(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id) {
        return claims.get(Params.id(id, "claim"), caller.canReadDrafts());
    }
}
