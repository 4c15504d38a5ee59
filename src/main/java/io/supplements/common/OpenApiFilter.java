package io.supplements.common;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents what {@link ConditionalGetFilter} does for every read, rather than repeating it on each
 * operation: the ETag and Cache-Control headers, and the 304 answer to a current If-None-Match. Keeps
 * the {@code x-required-role} extension on operations only (the scanner copies a method's extensions
 * onto its responses and body too). Every operation may answer 429 (see {@link RateLimiter}) and 503 (the
 * database is away; see {@link ProblemMapper}).
 */
public class OpenApiFilter implements OASFilter {

    /**
     * The answers any operation can give, whatever it does: a bad or revoked key (401), an Accept it
     * cannot satisfy (406), rate limiting (429), an unparseable header (400); with a body, a malformed one (400), one too large
     * (413) or of another type (415); with a path parameter, nothing there (404); with a role, a key
     * without it (403); with an If-Match header, a stale one (412) or none (428). Documented once here, where an
     * operation does not describe them itself.
     */
    private static void documentCommonErrors(String path, Operation op) {
        problem(op, "401", ApiResponses.UNAUTHORIZED);
        problem(op, "406", "The Accept header names no media type this operation produces");
        if (op.getRequestBody() != null) {
            problem(op, "400", "The body is malformed or invalid; errors[] points at each problem");
            problem(op, "413", "The body is over 2 MiB");
            problem(op, "415", "The body is not of a media type this operation accepts");
        }
        if (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            problem(op, "400", "A query parameter is malformed (limit over 100, a cursor not issued by this API, ...)");
        }
        problem(op, "400", "The request is malformed (a header such as Accept that cannot be parsed)");
        if (op.getParameters() != null
                && op.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equals(p.getName()))) {
            problem(op, "412", ApiResponses.PRECONDITION_FAILED);
            problem(op, "428", ApiResponses.PRECONDITION_REQUIRED);
        }
        if (path.contains("{")) {
            problem(op, "404", "No such resource, or a draft and no key");
        }
        Object role = op.getExtensions() == null ? null : op.getExtensions().get(Caller.REQUIRED_ROLE);
        if (role != null && !Caller.Role.reader.name().equals(role)) {
            problem(op, "403", ApiResponses.FORBIDDEN);
        }
        var tooMany = OASFactory.createAPIResponse()
                .description(
                        "Rate limited (per key, or per address without one; see the README): retry after Retry-After seconds")
                .addHeader(
                        "Retry-After",
                        OASFactory.createHeader()
                                .description("Seconds to wait")
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.INTEGER)
                                        .format("int32")))
                .content(problemContent());
        op.getResponses().addAPIResponse("429", tooMany);
        problem(op, "500", "Something went wrong on our side (logged); nothing of the request was saved");
        op.getResponses()
                .addAPIResponse(
                        "503",
                        OASFactory.createAPIResponse()
                                .description(
                                        "The database cannot be reached (nothing was saved): retry after Retry-After seconds. "
                                                + "Cached anonymous reads are still served")
                                .addHeader(
                                        "Retry-After",
                                        OASFactory.createHeader()
                                                .description("Seconds to wait")
                                                .schema(OASFactory.createSchema()
                                                        .addType(Schema.SchemaType.INTEGER)
                                                        .format("int32")))
                                .content(problemContent()));
    }

    /**
     * What {@link RateLimiter} sends on every answer it counted (draft-ietf-httpapi-ratelimit-headers), and
     * the CORS header every answer carries for an allowed origin.
     */
    private static void documentCommonHeaders(APIResponse response) {
        response.addHeader(
                "Access-Control-Allow-Origin",
                OASFactory.createHeader()
                        .description(
                                "The request's Origin, when it is one of QUARKUS_HTTP_CORS_ORIGINS (none by default); absent otherwise")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(2048)));
        response.addHeader(
                RateLimiter.POLICY_HEADER,
                OASFactory.createHeader()
                        .description(
                                "The quota this answer was counted against: \"anonymous\" or \"keyed\", q requests per w seconds, "
                                        + "e.g. \"anonymous\";q=600;w=60. Absent when rate limiting is off")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(100)));
        response.addHeader(
                RateLimiter.HEADER,
                OASFactory.createHeader()
                        .description(
                                "Where the client stands: r requests left, t seconds until the quota is full again, "
                                        + "e.g. \"anonymous\";r=599;t=1. Absent when rate limiting is off")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(100)));
    }

    private static void problem(Operation op, String status, String description) {
        if (op.getResponses().getAPIResponse(status) == null) {
            op.getResponses()
                    .addAPIResponse(
                            status,
                            OASFactory.createAPIResponse()
                                    .description(description)
                                    .content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        ApiResponses.PROBLEM,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, String> roles = requiredRoles();
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().values().forEach(op -> {
                    if (op.getResponses() == null) {
                        return;
                    }
                    if (roles.containsKey(op.getOperationId())) {
                        op.addExtension(Caller.REQUIRED_ROLE, roles.get(op.getOperationId()));
                    }
                    documentCommonErrors(path, op);
                }));
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Operation get = item.getGET();
            if (get == null || get.getResponses() == null) {
                return;
            }
            get.addParameter(OASFactory.createParameter()
                    .name("If-None-Match")
                    .in(Parameter.In.HEADER)
                    .description("ETag of the representation you hold; 304 when it is still current")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            get.getResponses()
                    .addAPIResponse(
                            "304",
                            OASFactory.createAPIResponse()
                                    .description("Not Modified: the ETag in If-None-Match is still current; no body"));
            var ok = get.getResponses().getAPIResponse("200");
            if (ok != null) {
                // Every successful read has one (ConditionalGetFilter), so clients may rely on it.
                ok.addHeader(
                        "ETag",
                        OASFactory.createHeader()
                                .description("Strong ETag of this representation")
                                .required(true)
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                ok.addHeader(
                        "Cache-Control",
                        OASFactory.createHeader()
                                .description(
                                        "public, max-age=30, must-revalidate without a key; private, no-store with one")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        });
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(op -> {
                    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                        op.getResponses().getAPIResponses().values().forEach(OpenApiFilter::documentCommonHeaders);
                    }
                }));
        // A read that needs no key takes one all the same (a key shows drafts): either is a way in.
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(op -> {
                    if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
                        op.addSecurityRequirement(OASFactory.createSecurityRequirement());
                        op.addSecurityRequirement(
                                OASFactory.createSecurityRequirement().addScheme("apiKey"));
                    }
                }));
        // Deliveries to a webhook are signed (webhook-signature), not authenticated by this API's schemes.
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().stream()
                        .filter(op -> op.getCallbacks() != null)
                        .forEach(op -> op.getCallbacks()
                                .values()
                                .forEach(callback -> callback.getPathItems()
                                        .values()
                                        .forEach(callbackItem -> callbackItem
                                                .getOperations()
                                                .values()
                                                .forEach(c -> c.setSecurity(new java.util.ArrayList<>()))))));
    }

    /**
     * operationId → the role its resource method's {@code @RolesAllowed} names: what the server enforces is what
     * the spec says. Read from the compiled classes beside this one (the scanner does not carry the annotation).
     */
    static Map<String, String> requiredRoles() {
        Map<String, String> roles = new HashMap<>();
        for (Class<?> type : applicationClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                var operation = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
                if (operation != null
                        && allowed != null
                        && !operation.operationId().isEmpty()) {
                    roles.put(operation.operationId(), allowed.value()[0]);
                }
            }
        }
        return roles;
    }

    private static List<Class<?>> applicationClasses() {
        try {
            Path location = Path.of(OpenApiFilter.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.map(f -> location.relativize(f).toString().replace('\\', '/'))
                            .forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(JarEntry::getName).forEach(names::add);
                }
            }
            ClassLoader loader = OpenApiFilter.class.getClassLoader();
            List<Class<?>> classes = new ArrayList<>();
            for (String name : names) {
                if (name.startsWith("io/supplements/") && name.endsWith("Resource.class")) {
                    classes.add(Class.forName(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader));
                }
            }
            return classes;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read the resource classes for their roles", e);
        }
    }
}
