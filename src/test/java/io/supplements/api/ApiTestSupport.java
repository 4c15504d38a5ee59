package io.supplements.api;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Shared by the API tests: every request goes through a filter that checks it, and its response,
 * against the committed openapi/openapi.yaml. Tests that send deliberately invalid requests use
 * {@link #invalidRequest()}, which still checks the response.
 */
public abstract class ApiTestSupport {
    public static final String ADMIN_KEY = "test-admin-key";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final Path SPEC = Path.of("openapi/openapi.yaml");
    public static final String[] SEEDS = {
        "000_d86605129c82c006.txt",
        "001_3fb4897e27bae9c5.txt",
        "002_44950660dd50b175.txt",
        "003_da69b7ad184b59f8.txt",
        "004_2e087eabf4b5b044.txt"
    };

    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString())
                    .build());
    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private static final io.swagger.v3.oas.models.OpenAPI PARSED_SPEC =
            new io.swagger.v3.parser.OpenAPIV3Parser().read(SPEC.toString());
    /** Without the validator's additionalProperties=false on every object, which no allOf composition can pass. */
    private static final com.atlassian.oai.validator.schema.SchemaValidator SCHEMAS =
            new com.atlassian.oai.validator.schema.SchemaValidator(
                    PARSED_SPEC,
                    new com.atlassian.oai.validator.report.MessageResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .build()));

    @Inject
    EntityManager em;

    /** What is wrong with {@code json} as an instance of the spec's component schema {@code name}; empty when it conforms. */
    protected static java.util.List<String> schemaViolations(String name, String json) {
        if (PARSED_SPEC.getComponents().getSchemas().get(name) == null) {
            throw new AssertionError("the spec has no schema " + name);
        }
        ValidationReport report = SCHEMAS.validate(
                json, new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/" + name), name);
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::toString)
                .toList();
    }

    /** An anonymous request, request and response validated against the spec. */
    protected static RequestSpecification anonymous() {
        return given().filter(STRICT);
    }

    /** A request with the admin key, request and response validated against the spec. */
    protected static RequestSpecification admin() {
        return anonymous().header("Authorization", "Bearer " + ADMIN_KEY);
    }

    /** The current ETag of the resource at {@code path}, as the admin reads it. */
    protected static String etag(String path) {
        return admin().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** The admin, about to change the version of {@code path} it has just read (If-Match). */
    protected static RequestSpecification adminIfMatch(String path) {
        return admin().header("If-Match", etag(path));
    }

    /** For requests that are wrong on purpose: only the response is validated against the spec. */
    protected static RequestSpecification invalidRequest() {
        return given().filter(RESPONSES_ONLY);
    }

    protected static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A bundled sample text, byte for byte. */
    protected static byte[] seed(String file) {
        try (InputStream in = ApiTestSupport.class.getClassLoader().getResourceAsStream("sample-content/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a seed text under a fresh slug and returns the slug. */
    protected static String importSeed(String file, String status) {
        String slug = uniqueSlug("seed");
        admin().contentType(TEXT)
                .body(seed(file))
                .queryParam("slug", slug)
                .queryParam("status", status)
                .post("/v1/imports")
                .then()
                .statusCode(201);
        return slug;
    }

    protected long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
