package io.supplements.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details.")
public record Problem(
        @Schema(
                description = "URI reference identifying the problem type",
                examples = "/problems/not-found",
                required = true)
        String type,

        @Schema(description = "Short summary of the problem type", examples = "Not Found", required = true)
        String title,

        @Schema(description = "HTTP status code", examples = "404", required = true)
        int status,

        @Schema(description = "What went wrong in this occurrence", examples = "No article with slug 'kratom-x'.")
        String detail,

        @Schema(description = "The request path", examples = "/v1/articles/kratom-x")
        String instance,

        @Schema(description = "One entry per invalid field or parameter")
        List<FieldError> errors) {

    /** One invalid input: a JSON pointer into a JSON body, a query/path parameter, or a line of a text body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(
                    description = "JSON pointer (RFC 6901) to the invalid field of the request body",
                    examples = "/sections/0/heading")
            String pointer,

            @Schema(description = "Name of the invalid query or path parameter", examples = "limit")
            String parameter,

            @Schema(description = "1-based line of a text body (imports)", examples = "7")
            Integer line,

            @Schema(description = "The rule of the seed text format that the line breaks", examples = "unknown-heading")
            String rule,

            @Schema(description = "What is wrong with it", examples = "must not be blank", required = true)
            String detail) {

        public static FieldError atPointer(String pointer, String detail) {
            return new FieldError(pointer, null, null, null, detail);
        }

        public static FieldError atParameter(String parameter, String detail) {
            return new FieldError(null, parameter, null, null, detail);
        }

        public static FieldError atLine(int line, String rule, String detail) {
            return new FieldError(null, null, line > 0 ? line : null, rule, detail);
        }
    }
}
