package io.supplements.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest extends ApiTestSupport {
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForSpecificationUrl(
                    SPEC.toUri().toString())
            .build();

    @Test
    void committedSpecIsWhatTheBuildGenerates() throws IOException {
        String generated = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String committed = Files.readString(SPEC);
        if (!generated.equals(committed)) {
            Path fresh = Path.of("target/openapi-generated.yaml");
            Files.writeString(fresh, generated);
            assertEquals(
                    committed,
                    generated,
                    "openapi/openapi.yaml is stale: the generated spec was written to " + fresh
                            + "; copy it over openapi/openapi.yaml and commit it");
        }
    }

    @Test
    void specIsOpenApi303SoTheValidatorReallyValidates() throws IOException {
        assertTrue(Files.readString(SPEC).contains("openapi: 3.0.3"));
    }

    /** Canary: the validator used by every API test does reject a response that breaks the spec. */
    @Test
    void aResponseThatBreaksTheSpecIsCaught() throws IOException {
        String body = anonymous()
                .get("/v1/articles/kratom-muscle-soreness-relief")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(validate(body).hasErrors(), "the real response is valid: " + validate(body));

        ObjectNode broken = (ObjectNode) new ObjectMapper().readTree(body);
        broken.remove("slug");
        broken.put("status", "archived");
        ValidationReport report = validate(broken.toString());

        assertTrue(report.hasErrors(), "a response without slug and with an unknown status must be rejected");
        String messages = report.getMessages().toString();
        assertTrue(messages.contains("slug") && messages.contains("archived"), messages);
    }

    private static ValidationReport validate(String body) {
        return VALIDATOR.validate(
                SimpleRequest.Builder.get("/v1/articles/kratom-muscle-soreness-relief")
                        .withAccept("application/json")
                        .build(),
                SimpleResponse.Builder.ok()
                        .withContentType("application/json")
                        .withHeader("ETag", "\"canary\"")
                        .withBody(body)
                        .build());
    }
}
