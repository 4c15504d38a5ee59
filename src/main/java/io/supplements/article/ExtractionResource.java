package io.supplements.article;

import io.supplements.article.api.ExtractionStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/extraction")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulary")
public class ExtractionResource {
    private final Reextraction reextraction;

    ExtractionResource(Reextraction reextraction) {
        this.reextraction = reextraction;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "getExtractionStatus",
            summary = "Progress of claim re-extraction",
            description = "Which extractor is "
                    + "in use and how many articles still wait to be extracted with it. Each article whose claims change gets a new "
                    + "version and, when published, a change feed entry.")
    @APIResponse(
            responseCode = "200",
            description = "The status",
            content = @Content(schema = @Schema(implementation = ExtractionStatus.class)))
    public ExtractionStatus get() {
        return reextraction.status();
    }
}
