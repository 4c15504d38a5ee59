package io.supplements.article.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of an article as schema.org JSON-LD ({@code Accept: application/ld+json}), for the spec:
 * {@code JsonLd} writes it, and every test answer in this media type is validated against it.
 */
@Schema(
        name = "ArticleJsonLd",
        description = "schema.org MedicalWebPage: the article with its author, the supplements its claims "
                + "are about, the outcomes they mention and the sources they cite. Absent properties have no value.")
public record ArticleJsonLd(
        @Schema(name = "@context", required = true, enumeration = "https://schema.org")
        String context,

        @Schema(name = "@type", required = true, enumeration = "MedicalWebPage")
        String type,

        @Schema(name = "@id", required = true, maxLength = 2048, description = "The article's URL")
        String id,

        @Schema(required = true, maxLength = 2048) String url,
        @Schema(required = true, maxLength = 300) String headline,
        @Schema(required = true, maxLength = 300) String name,

        @Schema(required = true, maxLength = 100000, description = "The summary")
        String description,

        @Schema(required = true, enumeration = "en") String inLanguage,

        @Schema(required = true, format = "date-time", maxLength = 40)
        String dateCreated,

        @Schema(required = true, format = "date-time", maxLength = 40)
        String dateModified,

        @Schema(format = "date-time", maxLength = 40, description = "Absent for a draft never published")
        String datePublished,

        @Schema(required = true, minimum = "1") long version,

        @Schema(maxLength = 10000, description = "The topics, comma-separated; absent without topics")
        String keywords,

        @Schema(description = "Absent without an author") Thing author,

        @Schema(required = true, maxItems = 1000, description = "DietarySupplement per supplement the claims are about")
        List<Thing> about,

        @Schema(required = true, maxItems = 10000, description = "ScholarlyArticle, WebPage or Organization per source")
        List<Citation> citation,

        @Schema(required = true, maxItems = 1000, description = "MedicalEntity per outcome the claims name")
        List<Thing> mentions) {

    @Schema(name = "JsonLdThing", description = "A schema.org thing with a type and a name")
    public record Thing(
            @Schema(name = "@type", required = true, maxLength = 40)
            String type,

            @Schema(required = true, maxLength = 300) String name,
            @Schema(maxLength = 100000) String description) {}

    @Schema(
            name = "JsonLdCitation",
            description = "A cited source: a ScholarlyArticle (a journal's, an author-year citation's or a "
                    + "document's), a WebPage or an Organization")
    public record Citation(
            @Schema(
                    name = "@type",
                    required = true,
                    enumeration = {"ScholarlyArticle", "WebPage", "Organization"})
            String type,

            @Schema(maxLength = 300) String name,

            @Schema(description = "The journal of a ScholarlyArticle")
            Thing isPartOf,

            @Schema(description = "The first author of an author-year citation (familyName)")
            Object author,

            @Schema(maxLength = 300, description = "A document's identifier")
            String identifier,

            @Schema(maxLength = 10) String datePublished,
            @Schema(maxLength = 2048) String url,
            @Schema(maxLength = 100000) String description,

            @Schema(maxItems = 2, description = "Its DOI and PubMed links")
            List<String> sameAs) {}
}
