package io.supplements.source.api;

import io.supplements.claim.extraction.SourceKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Source",
        description = "A thing cited: a journal, a web resource or an organisation. Shared by every article citing it.")
public record SourceView(
        @Schema(required = true, examples = "3") long id,
        @Schema(required = true) SourceKind kind,

        @Schema(required = true, examples = "Pharmacognosy Research")
        String name,

        @Schema(nullable = true, required = true, examples = "https://pubmed.ncbi.nlm.nih.gov/")
        String url,

        @Schema(nullable = true, required = true, examples = "2017")
        Integer year,

        @Schema(nullable = true, required = true) String description,

        @Schema(
                nullable = true,
                required = true,
                description = "For web resources, the kind of site",
                examples = "Academic Database")
        String type,

        @Schema(nullable = true, required = true, examples = "10.4103/0974-8490.199774")
        String doi,

        @Schema(nullable = true, required = true, examples = "28216987")
        String pmid,

        @Schema(
                required = true,
                description = "Whether it carries an identifier a reader can follow: a DOI, a PMID or a URL")
        boolean hasIdentifier) {}
