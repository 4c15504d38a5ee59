package io.supplements.claim.api;

import io.supplements.claim.ClaimLocation;
import io.supplements.claim.extraction.Attribution;
import io.supplements.claim.extraction.Stance;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Claim",
        description = "A sentence of an article that asserts something, with where it stands and what it cites. "
                + "start/end are UTF-16 code-unit offsets into the paragraph (as JavaScript's String.slice).")
public record ClaimView(
        @Schema(required = true, examples = "7") long id,

        @Schema(
                required = true,
                description = "Slug of the article making the claim",
                examples = "kratom-for-muscle-soreness")
        String article,

        @Schema(required = true, description = "The sentence exactly as published")
        String text,

        @Schema(required = true) ClaimLocation location,

        @Schema(
                nullable = true,
                required = true,
                description = "Anchor of the section; null for summary, introduction or conclusion")
        String sectionAnchor,

        @Schema(required = true, description = "0-based index of the paragraph within the section (0 elsewhere)")
        int paragraph,

        @Schema(required = true) int start,
        @Schema(required = true) int end,

        @Schema(nullable = true, required = true, examples = "kratom")
        String supplement,

        @Schema(nullable = true, required = true, examples = "hair-loss")
        String outcome,

        @Schema(
                nullable = true,
                required = true,
                maxLength = 300,
                examples = "hair loss",
                description = "The words the sentence "
                        + "names its effect with; when no vocabulary outcome fits (outcome null), the effect phrase, so nothing shown "
                        + "as evidence loses what it is about. Null when none was found or an editor wrote the claim")
        String outcomeText,

        @Schema(required = true) Stance stance,

        @Schema(required = true, description = "Whether the sentence hedges (may, could, suggests...)")
        boolean hedged,

        @Schema(
                required = true,
                description = "cited: names a source; vague: appeals to unnamed evidence (\"studies suggest\"); none")
        Attribution attribution,

        @Schema(
                required = true,
                description =
                        "Whether an editor created or corrected it (a re-import keeps an edited claim's judgement)")
        boolean edited,

        @Schema(required = true) List<CitationView> citations) {

    @Schema(name = "Citation", description = "The cited phrase, its offsets in the paragraph and the source it names.")
    public record CitationView(
            @Schema(required = true, examples = "12") long id,
            @Schema(required = true) long sourceId,

            @Schema(required = true, examples = "Pharmacognosy Research (2017)")
            String text,

            @Schema(required = true) int start,
            @Schema(required = true) int end,

            @Schema(
                    required = true,
                    nullable = true,
                    description = "What kind of evidence the citing sentence describes; "
                            + "null for a citation an editor added",
                    enumeration = {
                        "meta-analysis",
                        "systematic-review",
                        "randomized-controlled-trial",
                        "cohort-or-observational",
                        "case-report",
                        "survey",
                        "animal",
                        "in-vitro",
                        "regulator-statement",
                        "unspecified"
                    })
            String design,

            @Schema(
                    required = true,
                    nullable = true,
                    description = "Whom the cited work studied, when the sentence says",
                    enumeration = {"humans", "animals", "cells"})
            String population,

            @Schema(required = true, description = "Identifiers of the cited paper that the sentence gives")
            CitationIdentifiers identifiers) {}

    @Schema(name = "CitationIdentifiers", description = "Each null when the citing sentence does not give it.")
    public record CitationIdentifiers(
            @Schema(required = true, nullable = true, maxLength = 300, examples = "10.3390/nu8040182")
            String doi,

            @Schema(required = true, nullable = true, maxLength = 16, examples = "18502412")
            String pmid,

            @Schema(required = true, nullable = true, maxLength = 16, examples = "PMC7218349")
            String pmcid,

            @Schema(required = true, nullable = true, maxLength = 16, examples = "NCT01098318")
            String nct,

            @Schema(
                    required = true,
                    nullable = true,
                    maxLength = 2000,
                    examples = "https://ods.od.nih.gov/factsheets/Zinc-HealthProfessional/")
            String url) {}
}
