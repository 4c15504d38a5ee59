package io.supplements.article;

import static io.supplements.common.ApiResponses.BAD_PARAMETER;
import static io.supplements.common.ApiResponses.IF_MATCH;
import static io.supplements.common.ApiResponses.NOT_FOUND;
import static io.supplements.common.ApiResponses.PROBLEM;
import static io.supplements.common.ApiResponses.UNAUTHORIZED;

import io.supplements.article.ArticleService.ListQuery;
import io.supplements.article.api.ArticleJsonLd;
import io.supplements.article.api.ArticleSummary;
import io.supplements.article.api.ArticleView;
import io.supplements.article.api.EvidenceReport;
import io.supplements.article.api.NewArticle;
import io.supplements.article.api.SectionView;
import io.supplements.claim.api.ClaimView;
import io.supplements.common.Caller;
import io.supplements.common.ConditionalGetFilter;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Articles, their sections and their claims")
public class ArticleResource {
    private static final int MAX_QUERY = 500;
    private static final String JSON_LD = "application/ld+json";
    /** What the JSON writer sends for the other answers, so that both read the same. */
    private static final String JSON_UTF8 = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    private static final String TEXT_UTF8 = MediaType.TEXT_PLAIN + ";charset=utf-8";

    private final ArticleService articles;
    private final Caller caller;

    ArticleResource(ArticleService articles, Caller caller) {
        this.articles = articles;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listArticles",
            summary = "List articles",
            description = "Newest first, or by relevance when q is given. "
                    + "Without a key only published articles are listed; status=draft needs a key.")
    @APIResponse(
            responseCode = "200",
            description = "A page of article summaries; a Link header points to the next page")
    @APIResponse(
            responseCode = "400",
            description = BAD_PARAMETER,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = UNAUTHORIZED + " (status=draft needs a key)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ArticleSummary> list(
            @Parameter(description = "Only articles with this topic", example = "kratom") @QueryParam("topic")
                    String topic,
            @Parameter(
                            description =
                                    "Full-text search, at most 500 characters: articles holding every word (stemmed) anywhere, ranked by the words"
                                            + " found in their title (5 each) or else their summary (2 each), then newest first",
                            example = "hair loss",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 500))
                    @QueryParam("q")
                    String q,
            @Parameter(
                            description = "draft or published; draft needs a key",
                            schema = @Schema(implementation = ArticleStatus.class))
                    @QueryParam("status")
                    String status,
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
        ArticleStatus wanted = Params.oneOf(ArticleStatus.class, "status", status);
        if (wanted == ArticleStatus.draft) {
            caller.require(Caller.Role.reader);
        }
        if (q != null && q.length() > MAX_QUERY) {
            throw ProblemException.invalidParameter("q", "must be at most " + MAX_QUERY + " characters");
        }
        return articles.list(
                new ListQuery(wanted, Params.text("topic", topic), Params.text("q", q)), paging, caller.hasKey());
    }

    @GET
    @PermitAll
    @Path("{slug}")
    @Operation(
            operationId = "getArticle",
            summary = "Get a whole article",
            description = "Sections, claims, sources, author and topics in one response. "
                    + "Ask for text/plain to get the article in the seed text format, byte-identical to the text it was imported from, "
                    + "or for application/ld+json to get schema.org structured data for search engines.")
    @APIResponse(
            responseCode = "200",
            description = "The article",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = JSON_LD, schema = @Schema(implementation = ArticleJsonLd.class))
            })
    @APIResponse(
            responseCode = "404",
            description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "406",
            description = "Accept names none of JSON, text/plain and JSON-LD",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("slug") String slug) {
        ArticleRepresentations.Stored article = articles.get(slug, caller.hasKey());
        // Stored with its ETag: ConditionalGetFilter sends both as they are.
        return Response.ok(article.json(), JSON_UTF8)
                .header(HttpHeaders.ETAG, article.etag())
                .header(HttpHeaders.LAST_MODIFIED, ConditionalGetFilter.httpDate(article.updatedAt()))
                .build();
    }

    @GET
    @PermitAll
    @Path("{slug}")
    // qs: a client that accepts anything (*/*) gets JSON.
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8;qs=0.5")
    @Operation(hidden = true)
    public Response export(@PathParam("slug") String slug) {
        // Set explicitly: otherwise the answer's Content-Type carries the qs parameter above.
        return Response.ok(articles.exportText(slug, caller.hasKey()), TEXT_UTF8)
                .build();
    }

    @GET
    @PermitAll
    @Path("{slug}")
    @Produces(JSON_LD + ";qs=0.5")
    @Operation(hidden = true)
    public Response jsonLd(@PathParam("slug") String slug, @Context UriInfo uri) {
        // A template, so that any character of the slug is encoded rather than read as URI syntax.
        String url =
                uri.getBaseUriBuilder().path("v1/articles/{slug}").build(slug).toString();
        return Response.ok(articles.jsonLd(slug, caller.hasKey(), url), JSON_LD).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "createArticle",
            summary = "Create an article",
            description = "Claims and sources are extracted from the text. Status defaults to draft.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the article's URL",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or invalid fields; errors[] points at each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The slug is taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewArticle body) {
        ArticleView created = articles.create(ArticleDrafts.fromJson(body));
        return Response.created(URI.create("/v1/articles/" + created.slug()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "replaceArticle",
            summary = "Replace an article",
            description = "A JSON body replaces the whole article; a different slug in it "
                    + "renames the article. A text/plain body in the seed format re-imports the article's text and keeps its slug, "
                    + "title, topics and status. Either way, claims whose sentence is unchanged keep their ids, and a claim an editor "
                    + "corrected keeps the editor's judgement.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewArticle.class)),
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 2097152))
            })
    @APIResponse(
            responseCode = "200",
            description = "The article as replaced",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Malformed JSON or invalid fields (errors[] points at each), or text that breaks the seed format (errors[] names the line and rule)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such article",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The new slug is taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is neither application/json nor text/plain",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ArticleView replace(
            @PathParam("slug") String slug,
            @Valid @NotNull NewArticle body,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        return articles.replace(slug, ArticleDrafts.fromJson(body), ifMatch);
    }

    /** Re-import, documented with the JSON form above: the same operation with a seed-text body. */
    @PUT
    @Path("{slug}")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed("editor")
    @Operation(hidden = true)
    public ArticleView replaceText(
            @PathParam("slug") String slug, byte[] body, @HeaderParam("If-Match") String ifMatch) {
        return articles.replaceText(slug, ArticleDrafts.parseText(body == null ? new byte[0] : body), ifMatch);
    }

    @DELETE
    @Path("{slug}")
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "deleteArticle",
            summary = "Delete an article",
            description = "Removes the article and everything it contains; shared sources and authors stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such article",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public void delete(
            @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        articles.delete(slug, ifMatch);
    }

    @POST
    @Path("{slug}/publish")
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "publishArticle",
            summary = "Publish an article",
            description = "Idempotent: publishing a published article changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The published article",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such article",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ArticleView publish(
            @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        return articles.setStatus(slug, ArticleStatus.published, ifMatch);
    }

    @POST
    @Path("{slug}/unpublish")
    @SecurityRequirement(name = "apiKey")
    @RolesAllowed("editor")
    @Operation(
            operationId = "unpublishArticle",
            summary = "Unpublish an article",
            description = "Makes it a draft again. Idempotent.")
    @APIResponse(
            responseCode = "200",
            description = "The article, now a draft",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such article",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ArticleView unpublish(
            @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        return articles.setStatus(slug, ArticleStatus.draft, ifMatch);
    }

    @GET
    @PermitAll
    @Path("{slug}/sections")
    @Operation(
            operationId = "listSections",
            summary = "The article's sections",
            description = "All of them, in order, on one page (next is always null).")
    @APIResponse(responseCode = "200", description = "The sections")
    @APIResponse(
            responseCode = "404",
            description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<SectionView> sections(@PathParam("slug") String slug) {
        return new Page<>(articles.sections(slug, caller.hasKey()), null);
    }

    @GET
    @PermitAll
    @Path("{slug}/sections/{anchor}")
    @Operation(operationId = "getSection", summary = "One section of an article")
    @APIResponse(
            responseCode = "200",
            description = "The section",
            content = @Content(schema = @Schema(implementation = SectionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such article or section",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SectionView section(@PathParam("slug") String slug, @PathParam("anchor") String anchor) {
        return articles.section(slug, anchor, caller.hasKey());
    }

    @GET
    @PermitAll
    @Path("{slug}/evidence")
    @Operation(
            operationId = "getEvidence",
            summary = "The article's evidence report",
            description =
                    "Claims by attribution (cited, vague, none) and stance, "
                            + "the hedged share, sources by kind and the sources without an identifier: numbers a dashboard can chart.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(schema = @Schema(implementation = EvidenceReport.class)))
    @APIResponse(
            responseCode = "404",
            description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public EvidenceReport evidence(@PathParam("slug") String slug) {
        return articles.evidence(slug, caller.hasKey());
    }

    @GET
    @PermitAll
    @Path("{slug}/claims")
    @Operation(
            operationId = "listArticleClaims",
            summary = "The article's claims",
            description = "All of them, in reading order, on one page (next is always null).")
    @APIResponse(responseCode = "200", description = "The claims")
    @APIResponse(
            responseCode = "404",
            description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ClaimView> claims(@PathParam("slug") String slug) {
        return new Page<>(articles.claims(slug, caller.hasKey()), null);
    }
}
