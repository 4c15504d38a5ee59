package io.supplements.seedtext;

import io.supplements.seedtext.ParsedArticle.ParsedSection;
import io.supplements.seedtext.ParsedArticle.RelatedResource;
import io.supplements.seedtext.ParsedArticle.RelatedResources;
import io.supplements.seedtext.ParsedArticle.TextLayout;
import io.supplements.seedtext.SeedFormatException.Rule;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses the seed text format of one supplement article:
 *
 * <pre>
 * summary
 * introduction
 * - Heading One                      (table of contents, at least one bullet)
 * - Heading Two
 * Heading One
 *                                    (optional single blank line after a heading)
 * paragraph ...                      (one paragraph per line)
 * Heading Two
 * paragraph ...
 * conclusion                         (the last body paragraph; it has no heading)
 * Related Resources                  (optional block)
 * intro line
 * - Name (Type): [Description] – URL
 * About the Author                   (optional block)
 * bio
 * </pre>
 *
 * The result plus its {@link TextLayout} carries every byte, so {@link SeedTextWriter} reproduces any
 * accepted input exactly. Nothing is trimmed. Every rejection is a {@link SeedFormatException}.
 */
public final class SeedTextParser {

    static final String RELATED_RESOURCES = "Related Resources";
    static final String ABOUT_THE_AUTHOR = "About the Author";
    static final String BULLET = "- ";
    /** Separates a resource's description from its URL; the dash is an EN DASH (U+2013). */
    static final String DESCRIPTION_URL_SEPARATOR = "] \u2013 ";

    static final String TYPE_DESCRIPTION_SEPARATOR = "): [";

    /** Headings are short; anything longer is prose no matter how it ends. */
    private static final int MAX_HEADING_LENGTH = 120;
    /** Characters that end prose (or a quotation/aside/lead-in) but never a heading. */
    private static final String NON_HEADING_ENDINGS = ".!\"\u201D\u2019):;\u2026";
    /** A sentence end followed by the capitalised start of another sentence. */
    private static final Pattern SENTENCE_BREAK =
            Pattern.compile("[.!?\u2026][\"'\u201D\u2019)\\]]*\\s+[\"'\u201C\u2018(]?\\p{Lu}");

    private static final int MAX_QUOTED = 80;

    private SeedTextParser() {}

    public static ParsedArticle parse(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        if (utf8.length == 0) {
            throw new SeedFormatException(Rule.EMPTY_BODY, 0, "the text is empty");
        }
        return parse(decodeStrictly(utf8));
    }

    /** A leading U+FEFF is taken as a byte order mark and recorded in the layout, not in the summary. */
    public static ParsedArticle parse(String text) {
        Objects.requireNonNull(text, "text");
        boolean bom = text.startsWith("\uFEFF");
        String content = bom ? text.substring(1) : text;
        if (isBlank(content)) {
            throw new SeedFormatException(Rule.EMPTY_BODY, 0, "the text is empty or holds only whitespace");
        }
        SplitText split = splitLines(content);
        TextLayout layout = new TextLayout(bom, split.crlf, split.finalNewline);
        return new Reader(split).read(layout);
    }

    // ---------------------------------------------------------------------------------------------
    // Byte and character level

    private static String decodeStrictly(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more UTF-16 units than it has bytes, so one pass fills this buffer.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String what = offset < bytes.length
                    ? String.format(Locale.ROOT, "byte 0x%02X at byte offset %d", bytes[offset] & 0xFF, offset)
                    : "the bytes at byte offset " + offset;
            throw new SeedFormatException(
                    Rule.NOT_UTF8, line, "the text is not valid UTF-8: " + what + " does not form a valid character");
        }
        out.flip();
        return out.toString();
    }

    /**
     * Line boundaries rather than line strings: a 10 MB text of one-character lines would otherwise
     * cost hundreds of megabytes of small String objects.
     */
    private static final class SplitText {
        final String text;
        int[] starts = new int[64];
        int[] ends = new int[64];
        int count;
        boolean crlf;
        boolean finalNewline;

        SplitText(String text) {
            this.text = text;
        }

        void add(int start, int end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            count++;
        }

        String line(int index) {
            return text.substring(starts[index], ends[index]);
        }
    }

    /** One pass that finds lines and checks characters and line endings, linear in the input size. */
    private static SplitText splitLines(String text) {
        SplitText split = new SplitText(text);
        Boolean crlf = null;
        int firstSeparatorLine = 0;
        int lineStart = 0;
        int lineNo = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                boolean thisCrlf = i > lineStart && text.charAt(i - 1) == '\r';
                if (crlf == null) {
                    crlf = thisCrlf;
                    firstSeparatorLine = lineNo;
                } else if (crlf != thisCrlf) {
                    throw new SeedFormatException(
                            Rule.MIXED_LINE_ENDINGS,
                            lineNo,
                            "this line ends with "
                                    + (thisCrlf ? "CRLF" : "LF") + " but line " + firstSeparatorLine + " ends with "
                                    + (crlf ? "CRLF" : "LF") + "; use one kind of line ending throughout");
                }
                split.add(lineStart, thisCrlf ? i - 1 : i);
                lineStart = i + 1;
                lineNo++;
            } else if (c == '\r') {
                if (i + 1 >= length || text.charAt(i + 1) != '\n') {
                    throw new SeedFormatException(
                            Rule.CONTROL_CHARACTERS,
                            lineNo,
                            "carriage return (U+000D) at column " + (i - lineStart + 1)
                                    + " is not part of a CRLF line ending");
                }
            } else if (isForbiddenControl(c)) {
                throw new SeedFormatException(
                        Rule.CONTROL_CHARACTERS,
                        lineNo,
                        String.format(
                                Locale.ROOT,
                                "control character U+%04X at column %d is not allowed",
                                (int) c,
                                i - lineStart + 1));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // Only reachable from parse(String); it would not survive encoding to UTF-8.
                throw new SeedFormatException(
                        Rule.NOT_UTF8,
                        lineNo,
                        String.format(
                                Locale.ROOT,
                                "unpaired surrogate U+%04X at column %d cannot be encoded as UTF-8",
                                (int) c,
                                i - lineStart + 1));
            }
        }
        split.finalNewline = lineStart == length;
        if (!split.finalNewline) {
            split.add(lineStart, length);
        }
        split.crlf = Boolean.TRUE.equals(crlf);
        return split;
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** Blank for the format: no visible character. Controls are not counted as space; they are errors. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' '
                    || c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || Character.isSpaceChar(c)
                    || c == '\u200B'
                    || c == '\uFEFF';
            if (!space) {
                return false;
            }
        }
        return true;
    }

    /**
     * Deliberately simple: short, one sentence, and not ending like prose. A heading may end in '?'.
     * False negatives only let a stray heading through as a paragraph, so we stay conservative.
     */
    static boolean looksLikeHeading(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_HEADING_LENGTH) {
            return false;
        }
        if (NON_HEADING_ENDINGS.indexOf(s.charAt(s.length() - 1)) >= 0) {
            return false;
        }
        if (s.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        return !SENTENCE_BREAK.matcher(s).find();
    }

    /** Catches "About the author:" and the like, which would otherwise silently become a paragraph. */
    private static String nearMissBlockHeading(String line) {
        String s = line.strip();
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.equalsIgnoreCase(RELATED_RESOURCES)) {
            return RELATED_RESOURCES;
        }
        if (s.equalsIgnoreCase(ABOUT_THE_AUTHOR)) {
            return ABOUT_THE_AUTHOR;
        }
        return null;
    }

    static String quote(String s) {
        String shown = s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED - 1) + "\u2026" : s;
        return "\"" + shown + "\"";
    }

    // ---------------------------------------------------------------------------------------------
    // Line structure

    private static final class SectionBuilder {
        final String heading;
        final int headingLine;
        boolean blankLineAfterHeading;
        final List<String> paragraphs = new ArrayList<>();
        int lastParagraphLine;

        SectionBuilder(String heading, int headingLine) {
            this.heading = heading;
            this.headingLine = headingLine;
        }

        ParsedSection build() {
            return new ParsedSection(heading, blankLineAfterHeading, List.copyOf(paragraphs));
        }
    }

    private static final class Reader {
        private final SplitText lines;
        private final int count;
        /** 0-based index of the next unread line. */
        private int pos;

        private final List<String> toc = new ArrayList<>();
        private final Map<String, Integer> tocIndex = new HashMap<>();
        private int tocFirstLine;

        Reader(SplitText lines) {
            this.lines = lines;
            this.count = lines.count;
        }

        ParsedArticle read(TextLayout layout) {
            String summary = readSummary();
            String introduction = readIntroduction();
            readToc();
            List<SectionBuilder> sections = readSections();
            String conclusion = takeConclusion(sections);
            RelatedResources related = readRelated();
            String authorBio = readAuthor();
            if (pos < count) {
                // The block readers stop only at a block heading or the end, so this is a safety net.
                throw new SeedFormatException(
                        Rule.TEXT_AFTER_AUTHOR, pos + 1, "unexpected text at the end of the article");
            }
            List<ParsedSection> built = new ArrayList<>(sections.size());
            for (SectionBuilder s : sections) {
                built.add(s.build());
            }
            return new ParsedArticle(summary, introduction, List.copyOf(built), conclusion, related, authorBio, layout);
        }

        private String readSummary() {
            String line = lines.line(0);
            if (isBlank(line)) {
                throw new SeedFormatException(
                        Rule.MISSING_SUMMARY, 1, "the first line must hold the summary but is blank");
            }
            if (line.startsWith(BULLET)) {
                throw new SeedFormatException(
                        Rule.MISSING_SUMMARY,
                        1,
                        "the first line must hold the summary but is a table-of-contents bullet");
            }
            pos = 1;
            return line;
        }

        private String readIntroduction() {
            if (count < 2) {
                throw new SeedFormatException(
                        Rule.MISSING_INTRODUCTION,
                        2,
                        "the text ends after the summary; the second line must hold the introduction");
            }
            String line = lines.line(1);
            if (isBlank(line)) {
                throw new SeedFormatException(
                        Rule.MISSING_INTRODUCTION, 2, "the second line must hold the introduction but is blank");
            }
            if (line.startsWith(BULLET)) {
                throw new SeedFormatException(
                        Rule.MISSING_INTRODUCTION,
                        2,
                        "the second line must hold the introduction but is a table-of-contents bullet");
            }
            pos = 2;
            return line;
        }

        private void readToc() {
            if (count < 3) {
                throw new SeedFormatException(
                        Rule.MISSING_TOC,
                        3,
                        "the text ends after the introduction; the third line must start the table of contents (\"- Heading\")");
            }
            if (isBlank(lines.line(2))) {
                throw new SeedFormatException(
                        Rule.BLANK_LINE,
                        3,
                        "blank line; the table of contents (\"- Heading\" lines) must follow the introduction directly");
            }
            if (!lines.line(2).startsWith(BULLET)) {
                throw new SeedFormatException(
                        Rule.MISSING_TOC,
                        3,
                        "expected the table of contents (\"- Heading\" bullets) after the introduction, found "
                                + quote(lines.line(2)));
            }
            tocFirstLine = 3;
            while (pos < count && lines.line(pos).startsWith(BULLET)) {
                int lineNo = pos + 1;
                String entry = lines.line(pos).substring(BULLET.length());
                if (isBlank(entry)) {
                    throw new SeedFormatException(
                            Rule.EMPTY_TOC_ENTRY, lineNo, "table-of-contents bullet has no heading text");
                }
                if (entry.equals(RELATED_RESOURCES) || entry.equals(ABOUT_THE_AUTHOR)) {
                    throw new SeedFormatException(
                            Rule.RESERVED_HEADING,
                            lineNo,
                            quote(entry)
                                    + " is reserved for the block after the article and cannot be a section heading");
                }
                Integer earlier = tocIndex.putIfAbsent(entry, toc.size());
                if (earlier != null) {
                    throw new SeedFormatException(
                            Rule.DUPLICATE_TOC_ENTRY,
                            lineNo,
                            "table-of-contents entry " + quote(entry) + " is already listed on line "
                                    + tocLine(earlier));
                }
                toc.add(entry);
                pos++;
            }
        }

        private int tocLine(int tocPosition) {
            return tocFirstLine + tocPosition;
        }

        private static boolean isBlockHeading(String line) {
            return line.equals(RELATED_RESOURCES) || line.equals(ABOUT_THE_AUTHOR);
        }

        /**
         * The body's sections, in table-of-contents order: each heading starts one (a single blank line may follow
         * it), every other line up to the trailing blocks is a paragraph of the current one.
         */
        private List<SectionBuilder> readSections() {
            Map<String, Integer> lastOccurrence = lastHeadingOccurrences();
            List<SectionBuilder> sections = new ArrayList<>();
            Map<String, Integer> headingLines = new HashMap<>();
            SectionBuilder current = null;
            while (pos < count) {
                String line = lines.line(pos);
                int lineNo = pos + 1;
                int expected = sections.size();
                if (expected < toc.size() && line.equals(toc.get(expected))) {
                    if (current != null && current.paragraphs.isEmpty()) {
                        throw emptySection(current);
                    }
                    current = startSection(line, lineNo);
                    sections.add(current);
                    headingLines.put(line, lineNo);
                    continue;
                }
                if (isBlockHeading(line)) {
                    break;
                }
                checkParagraph(line, lineNo, current, expected, headingLines, lastOccurrence);
                current.paragraphs.add(line);
                current.lastParagraphLine = lineNo;
                pos++;
            }
            if (sections.size() < toc.size()) {
                throw tocEntryWithoutSection(sections.size());
            }
            return sections;
        }

        /** The last body line of each heading, to tell "out of order" from "missing" in one pass. */
        private Map<String, Integer> lastHeadingOccurrences() {
            Map<String, Integer> lastOccurrence = new HashMap<>();
            for (int i = pos; i < count; i++) {
                String line = lines.line(i);
                if (isBlockHeading(line)) {
                    break;
                }
                if (tocIndex.containsKey(line)) {
                    lastOccurrence.put(line, i);
                }
            }
            return lastOccurrence;
        }

        /** A section from its heading line on, and the one blank line its heading may have after it. */
        private SectionBuilder startSection(String heading, int lineNo) {
            SectionBuilder section = new SectionBuilder(heading, lineNo);
            pos++;
            if (pos < count && lines.line(pos).isEmpty()) {
                section.blankLineAfterHeading = true;
                pos++;
            }
            return section;
        }

        /** Throws what is wrong with a line that would be a paragraph of {@code current}; returns if nothing is. */
        private void checkParagraph(
                String line,
                int lineNo,
                SectionBuilder current,
                int expected,
                Map<String, Integer> headingLines,
                Map<String, Integer> lastOccurrence) {
            if (isBlank(line)) {
                throw blankLine(lineNo, line, current);
            }
            Integer tocPosition = tocIndex.get(line);
            if (tocPosition != null) {
                throw misplacedHeading(line, lineNo, tocPosition, expected, headingLines, lastOccurrence);
            }
            String nearMiss = nearMissBlockHeading(line);
            if (nearMiss != null) {
                throw new SeedFormatException(
                        Rule.UNKNOWN_HEADING,
                        lineNo,
                        quote(line) + " looks like the "
                                + quote(nearMiss) + " heading but must be written exactly as " + quote(nearMiss)
                                + " on a line of its own");
            }
            if (looksLikeHeading(line)) {
                throw new SeedFormatException(
                        Rule.UNKNOWN_HEADING,
                        lineNo,
                        quote(line) + " looks like a section heading but matches no table-of-contents entry");
            }
            if (current == null) {
                if (!lastOccurrence.containsKey(toc.get(0))) {
                    throw tocEntryWithoutSection(0);
                }
                throw new SeedFormatException(
                        Rule.PARAGRAPH_BEFORE_FIRST_SECTION,
                        lineNo,
                        "expected the first section heading " + quote(toc.get(0))
                                + " after the table of contents, found a paragraph");
            }
        }

        /** A table-of-contents heading where another section was expected: repeated, early, or one is missing. */
        private SeedFormatException misplacedHeading(
                String line,
                int lineNo,
                int tocPosition,
                int expected,
                Map<String, Integer> headingLines,
                Map<String, Integer> lastOccurrence) {
            if (tocPosition < expected) {
                return new SeedFormatException(
                        Rule.DUPLICATE_HEADING,
                        lineNo,
                        "section heading " + quote(line) + " appears a second time (its section starts on line "
                                + headingLines.get(line) + ")");
            }
            String missing = toc.get(expected);
            Integer later = lastOccurrence.get(missing);
            if (later != null && later > pos) {
                return new SeedFormatException(
                        Rule.OUT_OF_ORDER_SECTION,
                        lineNo,
                        "section " + quote(line)
                                + " comes before section " + quote(missing)
                                + "; sections must follow the table-of-contents order");
            }
            return tocEntryWithoutSection(expected);
        }

        private SeedFormatException blankLine(int lineNo, String line, SectionBuilder current) {
            String detail = line.isEmpty() ? "blank line" : "line holds only whitespace";
            boolean afterHeading = current != null && current.headingLine == lineNo - 1;
            return new SeedFormatException(
                    Rule.BLANK_LINE,
                    lineNo,
                    detail
                            + (afterHeading
                                    ? "; the one blank line allowed after a section heading must be completely empty"
                                    : "; blank lines are only allowed as the single line directly after a section heading"));
        }

        private SeedFormatException tocEntryWithoutSection(int tocPosition) {
            return new SeedFormatException(
                    Rule.TOC_ENTRY_WITHOUT_SECTION,
                    tocLine(tocPosition),
                    "table-of-contents entry " + quote(toc.get(tocPosition))
                            + " has no section: no line of the article body equals this heading");
        }

        private static SeedFormatException emptySection(SectionBuilder s) {
            return new SeedFormatException(
                    Rule.SECTION_WITHOUT_PARAGRAPHS,
                    s.headingLine,
                    "section " + quote(s.heading) + " has no paragraphs");
        }

        /** The conclusion has no heading of its own: it is the final paragraph of the last section. */
        private String takeConclusion(List<SectionBuilder> sections) {
            SectionBuilder last = sections.get(sections.size() - 1);
            if (last.paragraphs.isEmpty()) {
                throw new SeedFormatException(
                        Rule.MISSING_CONCLUSION,
                        last.headingLine,
                        "the last section " + quote(last.heading)
                                + " has no paragraphs, so there is no final paragraph to be the conclusion");
            }
            String conclusion = last.paragraphs.remove(last.paragraphs.size() - 1);
            if (last.paragraphs.isEmpty()) {
                throw new SeedFormatException(
                        Rule.SECTION_WITHOUT_PARAGRAPHS,
                        last.headingLine,
                        "section "
                                + quote(last.heading) + " has no paragraphs once its last paragraph (line "
                                + last.lastParagraphLine + ") is taken as the article's conclusion");
            }
            return conclusion;
        }

        private RelatedResources readRelated() {
            if (pos >= count || !lines.line(pos).equals(RELATED_RESOURCES)) {
                return null;
            }
            int headingLine = pos + 1;
            pos++;
            if (pos >= count) {
                throw new SeedFormatException(
                        Rule.MISSING_RESOURCES_INTRO,
                        headingLine,
                        quote(RELATED_RESOURCES)
                                + " is the last line; it must be followed by one introductory line and at least one resource");
            }
            String intro = lines.line(pos);
            if (isBlank(intro) || intro.startsWith(BULLET) || isBlockHeading(intro)) {
                String found = isBlank(intro) ? "a blank line" : quote(intro);
                throw new SeedFormatException(
                        Rule.MISSING_RESOURCES_INTRO,
                        pos + 1,
                        "expected the introductory line of " + quote(RELATED_RESOURCES) + " here, found " + found);
            }
            pos++;
            List<RelatedResource> resources = new ArrayList<>();
            while (pos < count && !lines.line(pos).equals(ABOUT_THE_AUTHOR)) {
                String line = lines.line(pos);
                if (isBlank(line)) {
                    throw new SeedFormatException(
                            Rule.BLANK_LINE,
                            pos + 1,
                            "blank line; resource lines must follow each other without blank lines");
                }
                resources.add(parseResource(line, pos + 1));
                pos++;
            }
            if (resources.isEmpty()) {
                throw new SeedFormatException(
                        Rule.MISSING_RESOURCES,
                        headingLine,
                        quote(RELATED_RESOURCES)
                                + " lists no resource; add at least one \"- Name (Type): [Description] \u2013 URL\" line");
            }
            return new RelatedResources(intro, List.copyOf(resources));
        }

        private String readAuthor() {
            if (pos >= count || !lines.line(pos).equals(ABOUT_THE_AUTHOR)) {
                return null;
            }
            int headingLine = pos + 1;
            pos++;
            if (pos >= count) {
                throw new SeedFormatException(
                        Rule.EMPTY_AUTHOR,
                        headingLine,
                        quote(ABOUT_THE_AUTHOR)
                                + " is the last line; it must be followed by the author's bio on one line");
            }
            String bio = lines.line(pos);
            if (isBlank(bio)) {
                throw new SeedFormatException(
                        Rule.EMPTY_AUTHOR, pos + 1, "the author's bio after " + quote(ABOUT_THE_AUTHOR) + " is blank");
            }
            String name = AuthorNames.nameFromBio(bio);
            if (name == null || name.isBlank() || name.length() > AuthorNames.MAX_NAME_LENGTH) {
                throw new SeedFormatException(
                        Rule.AUTHOR_WITHOUT_NAME,
                        pos + 1,
                        "the author's bio must begin with the " + "author's name (at most "
                                + AuthorNames.MAX_NAME_LENGTH + " characters), e.g. \"Dr. Jane Doe is ...\"");
            }
            pos++;
            if (pos < count) {
                throw new SeedFormatException(
                        Rule.TEXT_AFTER_AUTHOR,
                        pos + 1,
                        "the author's bio must be one line and the last "
                                + "line of the article; found more text after it");
            }
            return bio;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Related resources

    private static final String RESOURCE_SHAPE = "\"- Name (Type): [Description] \u2013 URL\"";

    /**
     * Splits from the outside in: names may contain parentheses ("National Institutes of Health (NIH)")
     * and descriptions may contain brackets, so the type is the last " (" before the first "): [" and the
     * URL follows the last "] – ". Every part is an exact substring, which keeps the round trip lossless.
     */
    static RelatedResource parseResource(String line, int lineNo) {
        if (!line.startsWith(BULLET)) {
            String extra = line.equals(RELATED_RESOURCES) ? " (the block appears a second time)" : "";
            throw malformedResource(
                    lineNo, "expected a resource line " + RESOURCE_SHAPE + ", found " + quote(line) + extra);
        }
        int typeEnd = line.indexOf(TYPE_DESCRIPTION_SEPARATOR, BULLET.length());
        if (typeEnd < 0) {
            throw malformedResource(
                    lineNo, "resource line lacks \" (Type): [\" after the name; expected " + RESOURCE_SHAPE);
        }
        int typeStart = line.lastIndexOf(" (", typeEnd);
        if (typeStart < BULLET.length()) {
            throw malformedResource(lineNo, "resource line has no name before \" (Type)\"; expected " + RESOURCE_SHAPE);
        }
        int descriptionStart = typeEnd + TYPE_DESCRIPTION_SEPARATOR.length();
        int descriptionEnd = line.lastIndexOf(DESCRIPTION_URL_SEPARATOR);
        if (descriptionEnd < descriptionStart) {
            String hint =
                    line.lastIndexOf("] - ") >= descriptionStart || line.lastIndexOf("] \u2014 ") >= descriptionStart
                            ? " (the dash before the URL must be an en dash \u2013)"
                            : "";
            throw malformedResource(
                    lineNo,
                    "resource line lacks \"] \u2013 URL\" after the description" + hint + "; expected "
                            + RESOURCE_SHAPE);
        }
        String name = line.substring(BULLET.length(), typeStart);
        String type = line.substring(typeStart + 2, typeEnd);
        String description = line.substring(descriptionStart, descriptionEnd);
        String url = line.substring(descriptionEnd + DESCRIPTION_URL_SEPARATOR.length());
        if (isBlank(name)) {
            throw malformedResource(lineNo, "resource name is empty");
        }
        if (isBlank(type)) {
            throw malformedResource(lineNo, "resource type in parentheses is empty");
        }
        if (isBlank(description)) {
            throw malformedResource(lineNo, "resource description in brackets is empty");
        }
        if (!isAcceptableUrl(url)) {
            throw malformedResource(
                    lineNo,
                    "resource URL " + quote(url)
                            + " must be an http(s) URL or a site path starting with '/', without spaces");
        }
        return new RelatedResource(name, type, description, url);
    }

    private static boolean isAcceptableUrl(String url) {
        if (url.isEmpty() || url.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return url.length() > lower.indexOf("://") + 3;
        }
        // "//host" would be protocol-relative, not a path on our own site.
        return url.startsWith("/") && !url.startsWith("//");
    }

    private static SeedFormatException malformedResource(int lineNo, String detail) {
        return new SeedFormatException(Rule.MALFORMED_RESOURCE, lineNo, detail);
    }
}
