package io.supplements.webhook;

import static io.supplements.common.ApiResponses.BAD_PARAMETER;
import static io.supplements.common.ApiResponses.PROBLEM;

import io.supplements.common.Caller;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.Problem;
import io.supplements.webhook.api.NewWebhook;
import io.supplements.webhook.api.WebhookAttemptView;
import io.supplements.webhook.api.WebhookEvent;
import io.supplements.webhook.api.WebhookView;
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
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@Tag(
        name = "Webhooks",
        description = "The change feed pushed to your server: each entry POSTed, signed, retried until accepted")
public class WebhookResource {
    private static final String PAYLOAD =
            "Each change-feed entry after the starting point is POSTed to url, in feed order, one at a "
                    + "time, as application/json: a WebhookEvent (see the delivery callback), whose data is the change exactly as the feed "
                    + "serves it plus the cursor just after it. Headers follow Standard "
                    + "Webhooks: webhook-id (msg_<epoch>_<position>: the same for every attempt at one entry; use it to drop duplicates), "
                    + "webhook-timestamp (Unix seconds of this attempt) and webhook-signature (v1,<base64 HMAC-SHA256 of "
                    + "id.timestamp.body with the secret's base64 part>), so any Standard Webhooks library verifies them. Answer 2xx to "
                    + "accept an entry; anything else, or no answer within the timeout, is retried with exponential backoff (by default "
                    + "5 s doubling up to 10 min between attempts, without limit), each attempt signed afresh, and the next entry waits: "
                    + "entries arrive in order and none is skipped. Delivery is at least once: apply an entry only if its version is "
                    + "newer than yours.";

    private final WebhookService webhooks;
    private final Caller caller;

    WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reader")
    @Operation(
            operationId = "registerWebhook",
            summary = "Register a webhook",
            description = PAYLOAD + " To mirror without a gap: read the change feed to its "
                    + "end, then register with cursor set to its last next. The secret is shown in this answer only. URLs that "
                    + "resolve to loopback or private addresses are refused unless the server allows them.")
    @Callback(
            name = "delivery",
            callbackUrlExpression = "{$request.body#/url}",
            operations =
                    @CallbackOperation(
                            method = "post",
                            summary = "A change delivered to the webhook",
                            parameters = {
                                @Parameter(
                                        name = "webhook-id",
                                        in = ParameterIn.HEADER,
                                        required = true,
                                        schema = @Schema(type = SchemaType.STRING),
                                        description = "The same for every attempt at one entry"),
                                @Parameter(
                                        name = "webhook-timestamp",
                                        in = ParameterIn.HEADER,
                                        required = true,
                                        schema = @Schema(type = SchemaType.INTEGER, format = "int64"),
                                        description = "Unix seconds of this attempt"),
                                @Parameter(
                                        name = "webhook-signature",
                                        in = ParameterIn.HEADER,
                                        required = true,
                                        schema = @Schema(type = SchemaType.STRING),
                                        description = "v1,<base64 HMAC-SHA256 of id.timestamp.body>")
                            },
                            requestBody =
                                    @RequestBody(
                                            required = true,
                                            content =
                                                    @Content(
                                                            mediaType = MediaType.APPLICATION_JSON,
                                                            schema = @Schema(implementation = WebhookEvent.class))),
                            responses =
                                    @APIResponse(
                                            responseCode = "200",
                                            description = "Accepted (any 2xx); anything else is retried")))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location is its URL; secret is in this answer only",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields (URL, secret, cursor); errors[] points at each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull NewWebhook body) {
        WebhookView created = webhooks.register(body);
        return Response.created(URI.create("/v1/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed("reader")
    @Operation(
            operationId = "listWebhooks",
            summary = "List webhooks",
            description = "Oldest first, with how each one's deliveries stand.")
    @APIResponse(responseCode = "200", description = "A page of webhooks; a Link header points to the next page")
    @APIResponse(
            responseCode = "400",
            description = BAD_PARAMETER,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<WebhookView> list(
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
        return webhooks.list(Paging.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("reader")
    @Operation(
            operationId = "getWebhook",
            summary = "One webhook",
            description = "Where its deliveries stand: cursor, pending entries, failures, next attempt.")
    @APIResponse(
            responseCode = "200",
            description = "The webhook",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such webhook",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public WebhookView get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("reader")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook",
            description = "Deliveries stop at once; its delivery log goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such webhook",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id) {
        webhooks.delete(id);
    }

    @GET
    @Path("{id}/attempts")
    @RolesAllowed("reader")
    @Operation(
            operationId = "listWebhookAttempts",
            summary = "The delivery log",
            description = "Every attempt at every entry, newest first: when, which entry "
                    + "(messageId, seq), which attempt, and the receiver's status or why there was none.")
    @APIResponse(responseCode = "200", description = "A page of attempts; a Link header points to the next page")
    @APIResponse(
            responseCode = "400",
            description = BAD_PARAMETER,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such webhook",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<WebhookAttemptView> attempts(
            @PathParam("id") long id,
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
        return webhooks.attempts(id, Paging.of(limit, cursor));
    }
}
