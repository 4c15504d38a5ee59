package io.supplements.claim;

import static io.supplements.common.ApiResponses.BAD_PARAMETER;
import static io.supplements.common.ApiResponses.IF_MATCH;
import static io.supplements.common.ApiResponses.NOT_FOUND;
import static io.supplements.common.ApiResponses.PROBLEM;

import io.supplements.claim.ClaimService.ListQuery;
import io.supplements.claim.api.ClaimDetail;
import io.supplements.claim.api.ClaimJudgement;
import io.supplements.claim.api.ClaimView;
import io.supplements.claim.api.ConflictView;
import io.supplements.claim.api.NewCitation;
import io.supplements.claim.api.NewClaim;
import io.supplements.claim.extraction.Stance;
import io.supplements.claim.extraction.StudyDesign;
import io.supplements.common.Caller;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.Params;
import io.supplements.common.Problem;
import io.supplements.common.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "What the articles claim, and what they cite for it")
public class ClaimResource {
    private final ClaimService claims;
    private final ClaimEditor editor;
    private final Caller caller;

    ClaimResource(ClaimService claims, ClaimEditor editor, Caller caller) {
        this.claims = claims;
        this.editor = editor;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listClaims",
            summary = "List claims across articles",
            description = "Oldest first. Only claims of published articles without a key.")
    @APIResponse(responseCode = "200", description = "A page of claims; a Link header points to the next page")
    @APIResponse(
            responseCode = "400",
            description = BAD_PARAMETER,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ClaimView> list(
            @Parameter(description = "Supplement slug", example = "kratom") @QueryParam("supplement") String supplement,
            @Parameter(description = "Outcome slug", example = "hair-loss") @QueryParam("outcome") String outcome,
            @Parameter(description = "asserts, denies or uncertain", schema = @Schema(implementation = Stance.class))
                    @QueryParam("stance")
                    String stance,
            @Parameter(description = "Slug of the article") @QueryParam("article") String article,
            @Parameter(
                            description = "Only claims citing evidence of this design",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "meta-analysis",
                                                "systematic-review",
                                                "randomized-controlled-trial",
                                                "cohort-or-observational",
                                                "case-report",
                                                "survey",
                                                "animal",
                                                "in-vitro",
                                                "regulator-statement",
                                                "unspecified"
                                            }))
                    @QueryParam("design")
                    String design,
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
        return claims.list(
                new ListQuery(
                        Params.text("supplement", supplement),
                        Params.text("outcome", outcome),
                        Params.oneOf(Stance.class, "stance", stance),
                        Params.text("article", article),
                        designParam(design)),
                paging,
                caller.hasKey());
    }

    @GET
    @PermitAll
    @Path("/conflicts")
    @Operation(
            operationId = "listClaimConflicts",
            summary = "Where the articles contradict each other",
            description = "Groups of claims on the same supplement "
                    + "and outcome in which at least one claim asserts and another denies, with their articles and cited sources. "
                    + "All groups on one page (next is always null).")
    @APIResponse(responseCode = "200", description = "The conflicts")
    @APIResponse(
            responseCode = "400",
            description = BAD_PARAMETER,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ConflictView> conflicts(
            @Parameter(description = "Supplement slug", example = "kratom") @QueryParam("supplement") String supplement,
            @Parameter(description = "Outcome slug", example = "hair-loss") @QueryParam("outcome") String outcome) {
        return new Page<>(
                claims.conflicts(
                        Params.text("supplement", supplement), Params.text("outcome", outcome), caller.hasKey()),
                null);
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(operationId = "getClaim", summary = "One claim with its citations and the sources they point to")
    @APIResponse(
            responseCode = "200",
            description = "The claim",
            content = @Content(schema = @Schema(implementation = ClaimDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ClaimDetail get(@PathParam("id") long id) {
        return claims.get(id, caller.hasKey());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "createClaim",
            summary = "Add a claim extraction missed",
            description =
                    "The claim is a span of one paragraph; its text is "
                            + "taken from the article. It counts as an edit of the article (its version goes up) and survives re-imports.")
    @APIResponse(
            responseCode = "201",
            description = "The claim; Location is its URL",
            content = @Content(schema = @Schema(implementation = ClaimDetail.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid fields (a span outside the paragraph, an unknown article, source or vocabulary slug)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "That sentence is already a claim",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewClaim body) {
        ClaimDetail created = editor.create(body);
        return Response.created(URI.create("/v1/claims/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "updateClaim",
            summary = "Correct a claim's judgement",
            description =
                    "Supplement, outcome, stance, hedging and attribution. "
                            + "The claim is then marked edited: a re-import keeps this judgement while the sentence is unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The claim",
            content = @Content(schema = @Schema(implementation = ClaimDetail.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields; errors[] points at each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such claim",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ClaimDetail update(
            @PathParam("id") long id,
            @Valid @NotNull ClaimJudgement body,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        return editor.update(id, body, ifMatch);
    }

    @DELETE
    @Path("{id}")
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "deleteClaim",
            summary = "Remove a claim",
            description = "For a sentence that is not a claim: a re-import will not extract it again.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(
            responseCode = "404",
            description = "No such claim",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public void delete(
            @PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        editor.delete(id, ifMatch);
    }

    @POST
    @Path("{id}/citations")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "addCitation",
            summary = "Cite a source from a claim",
            description = "The span names the source in the claim's paragraph.")
    @APIResponse(
            responseCode = "200",
            description = "The claim with the new citation",
            content = @Content(schema = @Schema(implementation = ClaimDetail.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields (unknown source, span outside the paragraph)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such claim",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ClaimDetail addCitation(
            @PathParam("id") long id,
            @Valid @NotNull NewCitation body,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        return editor.addCitation(id, body, ifMatch);
    }

    @DELETE
    @Path("{id}/citations/{citationId}")
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(operationId = "removeCitation", summary = "Remove a citation from a claim")
    @APIResponse(
            responseCode = "200",
            description = "The claim without it",
            content = @Content(schema = @Schema(implementation = ClaimDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such claim or citation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ClaimDetail removeCitation(
            @PathParam("id") long id,
            @PathParam("citationId") long citationId,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        return editor.removeCitation(id, citationId, ifMatch);
    }

    private static String designParam(String raw) {
        String design = Params.text("design", raw);
        if (design != null
                && Arrays.stream(StudyDesign.values()).noneMatch(d -> d.wire().equals(design))) {
            throw ProblemException.invalidParameter(
                    "design",
                    "must be one of "
                            + Arrays.stream(StudyDesign.values())
                                    .map(StudyDesign::wire)
                                    .collect(Collectors.joining(", ")));
        }
        return design;
    }
}
