package io.supplements.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** Document-level OpenAPI metadata; the application has no path prefix. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Supplement Articles API",
                        version = "1.2.0",
                        description =
                                "Supplement-information articles as structured, citable content: articles, their sections, "
                                        + "the claims they make and the sources those claims cite. Reading published content needs no key; "
                                        + "everything else needs 'Authorization: Bearer <key>'. Errors are RFC 9457 problems "
                                        + "(application/problem+json). Collections are {items, next} pages with a Link rel=next header."),
        // Relative: the spec describes the server that serves it; public, for API inventories.
        servers = @Server(url = "/", extensions = @Extension(name = "x-internal", value = "false", parseValue = true)))
@SecurityScheme(
        securitySchemeName = "apiKey",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API key, e.g. SUPPLEMENTS_ADMIN_KEY")
public class OpenApiDefinition extends Application {}
