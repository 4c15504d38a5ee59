package io.supplements.article.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "How far the background re-extraction of claims has come: after the extractor or the vocabulary "
                + "changes, every article is extracted again, keeping claim ids and editors' judgements.")
public record ExtractionStatus(
        @Schema(
                required = true,
                maxLength = 64,
                examples = "r2-3f9c1a0b7d2e4c51",
                description = "The extractor in use: its rules version and a hash of the terms and lists it reads")
        String extractor,

        @Schema(required = true, minimum = "0", description = "Articles in all, drafts included")
        long articles,

        @Schema(required = true, minimum = "0", description = "Articles whose claims were extracted with it")
        long extracted,

        @Schema(required = true, minimum = "0", description = "Articles still to re-extract")
        long pending) {}
