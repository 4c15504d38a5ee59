package io.supplements.sync;

import static io.supplements.common.ApiResponses.PROBLEM;

import io.supplements.common.Paging;
import io.supplements.common.Problem;
import io.supplements.sync.api.ChangePage;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

@Path("/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "The change feed, for apps that mirror the published content")
public class ChangeResource {
    private final ChangeFeed feed;

    ChangeResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listChanges",
            summary = "Changes to the published content, in commit order",
            description =
                    "Start without a cursor: the "
                            + "feed from the beginning is a full snapshot (one entry per article, the latest). Apply the items in order, "
                            + "save next, and resume from it; when hasMore is false, poll again later with next. Every create, update, "
                            + "publish, unpublish and delete of published content is an entry, numbered in commit order, so a resumed "
                            + "client never misses one (a change to a source or author that articles share is an entry for each published "
                            + "article using it); each upsert carries the article as that change published it. "
                            + "Unpublished and deleted articles arrive as delete tombstones; drafts never appear. "
                            + "Delivery is at least once: applying a page again is harmless (keep the highest version per id). "
                            + "Cursors do not expire while this database lives; an unknown cursor (another database, a restored backup) "
                            + "is a 410: start again without one. To have the entries pushed to you instead, register a webhook.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(
            responseCode = "400",
            description = "limit is not 1 to 100",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "The cursor is unknown or expired: start again without it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ChangePage changes(
            @Parameter(description = "Opaque cursor from the previous page's next; absent for a full snapshot")
                    @QueryParam("cursor")
                    String cursor,
            @Parameter(
                            description = "Page size, 1 to 100",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    String limit) {
        return feed.read(cursor, Paging.of(limit, null).limit());
    }
}
