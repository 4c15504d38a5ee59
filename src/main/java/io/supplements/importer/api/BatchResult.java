package io.supplements.importer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supplements.common.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of each line of a batch import: each article was imported whole or not at all. */
@Schema(name = "BatchResult")
public record BatchResult(
        @Schema(description = "Articles imported", required = true)
        int imported,

        @Schema(description = "Lines refused; nothing of them was saved", required = true)
        int failed,

        @Schema(description = "One per non-blank line, in order", required = true)
        List<Item> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchItem")
    public record Item(
            @Schema(description = "1-based line of the body", required = true)
            int line,

            @Schema(description = "The article's slug, when the line named or derived one")
            String slug,

            @Schema(description = "201 when imported, else the status the problem gives", required = true)
            int status,

            @Schema(description = "The new article's id") Long id,

            @Schema(description = "Why the line was refused")
            Problem problem) {}
}
