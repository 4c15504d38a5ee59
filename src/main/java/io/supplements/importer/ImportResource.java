package io.supplements.importer;

import static io.supplements.common.ApiResponses.PROBLEM;

import io.supplements.article.ArticleStatus;
import io.supplements.article.api.ArticleView;
import io.supplements.common.Params;
import io.supplements.common.Problem;
import io.supplements.common.ProblemException;
import io.supplements.importer.ImportService.ImportRequest;
import io.supplements.importer.api.ArticlePreview;
import io.supplements.importer.api.BatchResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Articles from text in the seed format")
public class ImportResource {
    static final String NDJSON = "application/x-ndjson";
    static final String EXAMPLE = """
            Kratom may ease pain, but its risks are debated.
            Many readers ask what kratom does.
            - What Kratom Is
            What Kratom Is

            Kratom is a tropical tree whose leaves contain mitragynine.
            A study published in Pharmacognosy Research (2017) demonstrated that kratom extract reduced pain in mice.
            Talk to a doctor before trying any supplement.""";

    private final ImportService imports;

    ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "importArticle",
            summary = "Import an article from seed text",
            description = "One transaction: the article with its sections, "
                    + "claims, sources, related resources and author, or nothing. With dryRun=true nothing is kept and an "
                    + "ArticlePreview is returned: the article as it would be imported, without ids that would not exist. GET /v1/articles/{slug} with Accept: text/plain returns the "
                    + "text back, byte-identical.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.TEXT_PLAIN,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 2097152),
                            examples = @ExampleObject(name = "article", value = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Imported; Location is the article's URL",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Dry run: the article as it would be imported",
            content = @Content(schema = @Schema(implementation = ArticlePreview.class)))
    @APIResponse(
            responseCode = "400",
            description = "The text breaks the format (errors[] names the line and the rule) or a parameter is invalid",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The slug is taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not text/plain",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response importText(
            @Parameter(
                            description = "Slug of the new article; derived from the title when absent",
                            example = "kratom-basics")
                    @QueryParam("slug")
                    String slug,
            @Parameter(description = "Title; the first section heading when absent", example = "Kratom Basics")
                    @QueryParam("title")
                    String title,
            @Parameter(description = "A topic slug; repeat for several", example = "[\"kratom\"]") @QueryParam("topic")
                    List<String> topics,
            @Parameter(
                            description = "draft (default) or published",
                            schema = @Schema(implementation = ArticleStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "Parse and check without saving",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("dryRun")
                    String dryRun,
            byte[] body) {
        boolean preview = Params.flag("dryRun", dryRun);
        ImportRequest request = new ImportRequest(
                Params.text("slug", slug),
                Params.text("title", title),
                topics == null ? List.of() : topics,
                Params.oneOf(ArticleStatus.class, "status", status));
        byte[] text = body == null ? new byte[0] : body;
        if (preview) {
            return Response.ok(imports.preview(text, request)).build();
        }
        ArticleView article = imports.importText(text, request);
        return Response.created(URI.create("/v1/articles/" + article.slug()))
                .entity(article)
                .build();
    }

    @POST
    @Path("batch")
    @Consumes(NDJSON)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "importBatch",
            summary = "Import many articles at once",
            description = "The body is NDJSON: one BatchArticle "
                    + "object a line. Each article is imported in a transaction of its own, whole or not at all; a line that fails "
                    + "(malformed, a taken slug, text that breaks the seed format) is answered with its problem and does not stop the "
                    + "others. The answer has one item per non-blank line, in order. Bodies are limited to 2 MB: send a large "
                    + "catalogue as several batches, in parallel if you like.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = NDJSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = 2097152,
                                            description = "Lines of BatchArticle JSON objects")))
    @APIResponse(
            responseCode = "200",
            description = "What became of each line",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "The body is empty",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/x-ndjson",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public BatchResult importBatch(byte[] body) {
        if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw ProblemException.badRequest("empty-batch", "Send one BatchArticle JSON object a line.", null);
        }
        return imports.importBatch(body);
    }
}
