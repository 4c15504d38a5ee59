package io.supplements.vocabulary.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Vocabulary",
        description = "What claims can be about: each supplement and outcome slug with the terms that name it in text.")
public record VocabularyView(
        @Schema(required = true, examples = "{\"kratom\": [\"kratom\", \"mitragyna speciosa\"]}")
        Map<String, List<String>> supplements,

        @Schema(required = true, examples = "{\"hair-loss\": [\"hair loss\", \"alopecia\"]}")
        Map<String, List<String>> outcomes) {}
