package io.supplements.article;

import io.supplements.article.api.NewArticle;
import io.supplements.common.Problem.FieldError;
import io.supplements.common.ProblemException;
import io.supplements.seedtext.ParsedArticle;
import io.supplements.seedtext.ParsedArticle.ParsedSection;
import io.supplements.seedtext.ParsedArticle.RelatedResource;
import io.supplements.seedtext.ParsedArticle.RelatedResources;
import io.supplements.seedtext.ParsedArticle.TextLayout;
import io.supplements.seedtext.SeedFormatException;
import io.supplements.seedtext.SeedLines;
import io.supplements.seedtext.SeedTextParser;
import io.supplements.seedtext.SeedTextWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON article into the parsed text form every article is stored from. The seed format is
 * the lossless form of an article, so a JSON article must survive a trip through it; anything that
 * would not (a paragraph the parser would read as a heading, say) is refused with a pointer.
 */
public final class ArticleDrafts {
    private ArticleDrafts() {}

    public static ArticleDraft fromJson(NewArticle body) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> headings = new HashMap<>();
        for (int i = 0; i < body.sections().size(); i++) {
            Integer first = headings.putIfAbsent(body.sections().get(i).heading(), i);
            if (first != null) {
                errors.add(
                        FieldError.atPointer("/sections/" + i + "/heading", "repeats the heading of section " + first));
            }
        }
        if (body.author() != null
                && !body.author().bio().startsWith(body.author().name())) {
            errors.add(FieldError.atPointer("/author/bio", "must begin with the author's name"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        ParsedArticle parsed = new ParsedArticle(
                body.summary(),
                body.introduction(),
                body.sections().stream()
                        .map(s -> new ParsedSection(s.heading(), false, s.paragraphs()))
                        .toList(),
                body.conclusion(),
                body.relatedResources() == null
                        ? null
                        : new RelatedResources(
                                body.relatedResources().intro(),
                                body.relatedResources().items().stream()
                                        .map(r -> new RelatedResource(r.name(), r.type(), r.description(), r.url()))
                                        .toList()),
                body.author() == null ? null : body.author().bio(),
                TextLayout.DEFAULT);
        try {
            ParsedArticle reread = SeedTextParser.parse(SeedTextWriter.write(parsed));
            if (!reread.equals(parsed)) {
                throw invalid(List.of(FieldError.atPointer("", "cannot be represented in the article text format")));
            }
        } catch (SeedFormatException e) {
            throw invalid(List.of(FieldError.atPointer(SeedLines.pointerAt(parsed, e.line()), e.getMessage())));
        }
        return new ArticleDraft(
                body.slug(), body.title(), body.topics() == null ? List.of() : body.topics(), body.status(), parsed);
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return ProblemException.badRequest(
                "validation", "The article has " + errors.size() + " invalid field(s); see errors.", errors);
    }

    /** Seed text, parsed and within the limits; else a 400 problem naming the line. */
    public static ParsedArticle parseText(byte[] text) {
        try {
            ParsedArticle parsed = SeedTextParser.parse(text);
            SeedFormatException overLimit = SeedLines.checkLimits(parsed);
            if (overLimit != null) {
                throw overLimit;
            }
            return parsed;
        } catch (SeedFormatException e) {
            throw ProblemException.badRequest(
                    "invalid-article-text",
                    e.getMessage(),
                    List.of(FieldError.atLine(e.line(), e.rule(), e.getMessage())));
        }
    }
}
