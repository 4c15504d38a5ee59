package io.supplements.seedtext;

import io.supplements.seedtext.ParsedArticle.ParsedSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each line of an article's seed text comes from, in the order {@link SeedTextWriter} writes
 * them: lets a problem about a line name the JSON field behind it, and a field's limit name its line.
 */
public final class SeedLines {
    public static final int MAX_SECTIONS = 200;
    public static final int MAX_PARAGRAPHS_PER_SECTION = 500;
    public static final int MAX_RESOURCES = 100;
    public static final int PARAGRAPH_LENGTH = 20000;

    /**
     * One line: the JSON pointer of the field it carries (null for structural lines), its value and
     * that field's length limit (a resource line holds four fields and is checked field by field).
     */
    public record Line(int number, String pointer, String value, int maxLength) {}

    private SeedLines() {}

    public static List<Line> of(ParsedArticle a) {
        List<Line> lines = new ArrayList<>();
        add(lines, "/summary", a.summary(), PARAGRAPH_LENGTH);
        add(lines, "/introduction", a.introduction(), PARAGRAPH_LENGTH);
        for (int i = 0; i < a.sections().size(); i++) {
            add(lines, "/sections/" + i + "/heading", a.sections().get(i).heading(), 300);
        }
        for (int i = 0; i < a.sections().size(); i++) {
            ParsedSection s = a.sections().get(i);
            add(lines, "/sections/" + i + "/heading", s.heading(), 300);
            if (s.blankLineAfterHeading()) {
                add(lines, null, "", 0);
            }
            for (int p = 0; p < s.paragraphs().size(); p++) {
                add(lines, "/sections/" + i + "/paragraphs/" + p, s.paragraphs().get(p), PARAGRAPH_LENGTH);
            }
        }
        add(lines, "/conclusion", a.conclusion(), PARAGRAPH_LENGTH);
        if (a.related() != null) {
            add(lines, null, SeedTextParser.RELATED_RESOURCES, 0);
            add(lines, "/relatedResources/intro", a.related().intro(), 2000);
            for (int i = 0; i < a.related().resources().size(); i++) {
                ParsedArticle.RelatedResource r = a.related().resources().get(i);
                add(lines, "/relatedResources/items/" + i, null, 0);
            }
        }
        if (a.authorBio() != null) {
            add(lines, null, SeedTextParser.ABOUT_THE_AUTHOR, 0);
            add(lines, "/author/bio", a.authorBio(), 5000);
        }
        return lines;
    }

    /** The JSON pointer of the field on the given 1-based line, or "" (the whole article). */
    public static String pointerAt(ParsedArticle a, int line) {
        List<Line> lines = of(a);
        if (line < 1 || line > lines.size() || lines.get(line - 1).pointer() == null) {
            return "";
        }
        return lines.get(line - 1).pointer();
    }

    /** The first limit the article breaks, as a format error naming its line; null when it fits. */
    public static SeedFormatException checkLimits(ParsedArticle a) {
        List<Line> lines = of(a);
        if (a.sections().size() > MAX_SECTIONS) {
            return tooMany(3 + MAX_SECTIONS, "sections", MAX_SECTIONS);
        }
        for (Line line : lines) {
            if (line.value() != null && line.value().length() > line.maxLength() && line.pointer() != null) {
                return new SeedFormatException(
                        SeedFormatException.Rule.TOO_LONG,
                        line.number(),
                        "the line is " + line.value().length() + " characters long; the limit is " + line.maxLength());
            }
            if (line.pointer() != null && line.pointer().startsWith("/relatedResources/items/")) {
                ParsedArticle.RelatedResource r = a.related()
                        .resources()
                        .get(Integer.parseInt(line.pointer().substring(24)));
                if (r.name().length() > 300
                        || r.type().length() > 200
                        || r.description().length() > 5000
                        || r.url().length() > 2000) {
                    return new SeedFormatException(
                            SeedFormatException.Rule.TOO_LONG,
                            line.number(),
                            "a field of this resource is over its limit (name 300, type 200, description 5000, URL 2000 characters)");
                }
            }
        }
        for (int i = 0; i < a.sections().size(); i++) {
            if (a.sections().get(i).paragraphs().size() > MAX_PARAGRAPHS_PER_SECTION) {
                return tooMany(3 + i, "paragraphs in this section", MAX_PARAGRAPHS_PER_SECTION);
            }
        }
        if (a.related() != null && a.related().resources().size() > MAX_RESOURCES) {
            return tooMany(lines.size(), "related resources", MAX_RESOURCES);
        }
        return null;
    }

    private static SeedFormatException tooMany(int line, String what, int max) {
        return new SeedFormatException(
                SeedFormatException.Rule.TOO_MANY, line, "there are more than " + max + " " + what);
    }

    private static void add(List<Line> lines, String pointer, String value, int maxLength) {
        lines.add(new Line(lines.size() + 1, pointer, value, maxLength));
    }
}
