package io.supplements.seedtext;

import java.util.List;

/**
 * An article exactly as the seed text format carries it. Together with {@link TextLayout} it holds
 * every byte of the source text, so {@link SeedTextWriter} can reproduce the file.
 *
 * @param related   the "Related Resources" block, or null when the text has none
 * @param authorBio the single "About the Author" line, or null when the text has none
 */
public record ParsedArticle(
        String summary,
        String introduction,
        List<ParsedSection> sections,
        String conclusion,
        RelatedResources related,
        String authorBio,
        TextLayout layout) {

    /** One section: its heading (equal to its table-of-contents entry) and its paragraphs in order. */
    public record ParsedSection(String heading, boolean blankLineAfterHeading, List<String> paragraphs) {}

    /** The "Related Resources" block: its one intro line, then one resource per line. */
    public record RelatedResources(String intro, List<RelatedResource> resources) {}

    /** {@code - Name (Type): [Description] – URL}; the URL may be a site path such as {@code /kratom-review}. */
    public record RelatedResource(String name, String type, String description, String url) {}

    /** The byte-level details of the text that carry no meaning but must survive a round trip. */
    public record TextLayout(boolean byteOrderMark, boolean crlf, boolean finalNewline) {
        public static final TextLayout DEFAULT = new TextLayout(false, false, false);
    }
}
