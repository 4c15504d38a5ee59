package io.supplements.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents what {@link ConditionalGetFilter} does for every read, rather than repeating it on each
 * operation: the ETag and Cache-Control headers, and the 304 answer to a current If-None-Match. Keeps
 * the {@code x-required-role} extension on operations only (the scanner copies a method's extensions
 * onto its responses and body too). Every operation may answer 429 (see {@link RateLimiter}).
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        response.removeExtension(Caller.REQUIRED_ROLE);
        return response;
    }

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        body.removeExtension(Caller.REQUIRED_ROLE);
        return body;
    }

    @Override
    public org.eclipse.microprofile.openapi.models.parameters.Parameter filterParameter(
            org.eclipse.microprofile.openapi.models.parameters.Parameter parameter) {
        parameter.removeExtension(Caller.REQUIRED_ROLE);
        return parameter;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() != null) {
                op.getResponses().removeExtension(Caller.REQUIRED_ROLE);
                op.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                        .description("Rate limited (per key, or per address without one; see the README): retry after Retry-After seconds")
                        .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                        .content(OASFactory.createContent().addMediaType(ApiResponses.PROBLEM, OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
            }
        }));
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Operation get = item.getGET();
            if (get == null || get.getResponses() == null) {
                return;
            }
            get.addParameter(OASFactory.createParameter().name("If-None-Match").in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                    .description("ETag of the representation you hold; 304 when it is still current")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not Modified: the ETag in If-None-Match is still current; no body"));
            var ok = get.getResponses().getAPIResponse("200");
            if (ok != null) {
                ok.addHeader("ETag", OASFactory.createHeader().description("Strong ETag of this representation")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                ok.addHeader("Cache-Control", OASFactory.createHeader()
                        .description("public, max-age=30, must-revalidate without a key; private, no-store with one")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        });
    }
}
