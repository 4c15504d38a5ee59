package io.supplements.seedtext;

import io.supplements.seedtext.ParsedArticle.ParsedSection;
import io.supplements.seedtext.ParsedArticle.RelatedResource;
import io.supplements.seedtext.ParsedArticle.RelatedResources;
import io.supplements.seedtext.ParsedArticle.TextLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link ParsedArticle} in the seed text format. For any text the parser accepts,
 * {@code writeBytes(SeedTextParser.parse(bytes))} equals {@code bytes}.
 *
 * <p>The writer checks only what would corrupt the line structure (missing parts, line breaks inside a
 * field). It does not re-run the parser's content rules, so an article built by hand that breaks them
 * (say, a paragraph that looks like a heading) is written as given and may not parse back.
 */
public final class SeedTextWriter {

    private SeedTextWriter() {}

    /**
     * The text, starting with U+FEFF when the layout records a byte order mark, so that
     * {@code write(SeedTextParser.parse(text))} round-trips a string as well.
     */
    public static String write(ParsedArticle a) {
        if (a == null) {
            throw new IllegalArgumentException("article is null");
        }
        TextLayout layout = a.layout() != null ? a.layout() : TextLayout.DEFAULT;
        List<String> lines = new ArrayList<>();
        lines.add(line(a.summary(), "summary"));
        lines.add(line(a.introduction(), "introduction"));

        List<ParsedSection> sections = a.sections();
        if (sections == null || sections.isEmpty()) {
            throw new IllegalArgumentException("article has no sections");
        }
        for (ParsedSection s : sections) {
            if (s == null) {
                throw new IllegalArgumentException("section is null");
            }
            lines.add(SeedTextParser.BULLET + line(s.heading(), "section heading"));
        }
        for (ParsedSection s : sections) {
            lines.add(s.heading());
            if (s.blankLineAfterHeading()) {
                lines.add("");
            }
            if (s.paragraphs() == null) {
                throw new IllegalArgumentException("paragraphs of section \"" + s.heading() + "\" are null");
            }
            for (String p : s.paragraphs()) {
                lines.add(line(p, "paragraph"));
            }
        }
        lines.add(line(a.conclusion(), "conclusion"));

        RelatedResources related = a.related();
        if (related != null) {
            lines.add(SeedTextParser.RELATED_RESOURCES);
            lines.add(line(related.intro(), "related resources intro"));
            if (related.resources() == null) {
                throw new IllegalArgumentException("related resources list is null");
            }
            for (RelatedResource r : related.resources()) {
                if (r == null) {
                    throw new IllegalArgumentException("related resource is null");
                }
                lines.add(SeedTextParser.BULLET + line(r.name(), "resource name")
                        + " (" + line(r.type(), "resource type") + SeedTextParser.TYPE_DESCRIPTION_SEPARATOR
                        + line(r.description(), "resource description") + SeedTextParser.DESCRIPTION_URL_SEPARATOR
                        + line(r.url(), "resource url"));
            }
        }
        if (a.authorBio() != null) {
            lines.add(SeedTextParser.ABOUT_THE_AUTHOR);
            lines.add(line(a.authorBio(), "author bio"));
        }

        String separator = layout.crlf() ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        if (layout.byteOrderMark()) {
            out.append('\uFEFF');
        }
        out.append(String.join(separator, lines));
        if (layout.finalNewline()) {
            out.append(separator);
        }
        return out.toString();
    }

    /** UTF-8 bytes of {@link #write}; the byte order mark, if any, comes out as EF BB BF. */
    public static byte[] writeBytes(ParsedArticle a) {
        return write(a).getBytes(StandardCharsets.UTF_8);
    }

    private static String line(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " contains a line break");
        }
        return value;
    }
}
