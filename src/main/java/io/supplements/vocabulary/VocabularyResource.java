package io.supplements.vocabulary;

import static io.supplements.common.ApiResponses.PROBLEM;

import io.supplements.common.Problem;
import io.supplements.vocabulary.api.NewTerm;
import io.supplements.vocabulary.api.VocabularyView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/vocabulary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulary", description = "The supplements and outcomes claims are about, and their synonyms")
public class VocabularyResource {
    private final VocabularyService vocabulary;

    VocabularyResource(VocabularyService vocabulary) {
        this.vocabulary = vocabulary;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "getVocabulary",
            summary = "The vocabulary",
            description = "Every supplement and outcome slug with the terms that name it.")
    @APIResponse(
            responseCode = "200",
            description = "The vocabulary",
            content = @Content(schema = @Schema(implementation = VocabularyView.class)))
    public VocabularyView get() {
        return vocabulary.view();
    }

    @POST
    @Path("/terms")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "addVocabularyTerm",
            summary = "Add a term",
            description =
                    "A new supplement or outcome, or a synonym of one. It applies to articles "
                            + "written from now on; existing articles are re-extracted in the background (progress: GET /v1/extraction).")
    @APIResponse(
            responseCode = "201",
            description = "The vocabulary with the term; Location is the vocabulary",
            content = @Content(schema = @Schema(implementation = VocabularyView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields; errors[] points at each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The term already names something",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response add(@Valid @NotNull NewTerm body) {
        return Response.created(URI.create("/v1/vocabulary"))
                .entity(vocabulary.add(body))
                .build();
    }
}
