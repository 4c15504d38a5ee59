package io.supplements.seedtext;

import java.util.Objects;

/**
 * A seed text that breaks the format. The message is meant for API clients: it names the line and
 * the rule in plain words and never carries class names or stack details.
 */
public class SeedFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The closed set of rules a seed text can break. {@link #id()} is the stable machine id clients may
     * switch on; never rename one, only add.
     */
    public enum Rule {
        /** The text is 0 bytes long or holds nothing but whitespace. */
        EMPTY_BODY("empty-body"),
        /** The bytes are not valid UTF-8 (or a Java string holds an unpaired surrogate). */
        NOT_UTF8("not-utf8"),
        /** A C0/C1 control character other than tab and line endings, or a CR not followed by LF. */
        CONTROL_CHARACTERS("control-characters"),
        /** Both LF and CRLF line endings occur. */
        MIXED_LINE_ENDINGS("mixed-line-endings"),
        /** A blank line anywhere except the single one allowed directly after a section heading. */
        BLANK_LINE("blank-line"),
        /** Line 1 (the summary) is blank or is a table-of-contents bullet. */
        MISSING_SUMMARY("missing-summary"),
        /** Line 2 (the introduction) is missing, blank or is a table-of-contents bullet. */
        MISSING_INTRODUCTION("missing-introduction"),
        /** Line 3 is not a {@code "- "} bullet, so the article has no table of contents. */
        MISSING_TOC("missing-toc"),
        /** A table-of-contents bullet with no heading text. */
        EMPTY_TOC_ENTRY("empty-toc-entry"),
        /** The same heading is listed twice in the table of contents. */
        DUPLICATE_TOC_ENTRY("duplicate-toc-entry"),
        /** A table-of-contents entry equal to "Related Resources" or "About the Author". */
        RESERVED_HEADING("reserved-heading"),
        /** A paragraph between the table of contents and the first section heading. */
        PARAGRAPH_BEFORE_FIRST_SECTION("paragraph-before-first-section"),
        /** A body line that looks like a heading but equals no table-of-contents entry. */
        UNKNOWN_HEADING("unknown-heading"),
        /** A section heading that comes before the heading the table of contents lists ahead of it. */
        OUT_OF_ORDER_SECTION("out-of-order-section"),
        /** A section heading that occurs a second time in the body. */
        DUPLICATE_HEADING("duplicate-heading"),
        /** A table-of-contents entry whose heading never occurs in the body. */
        TOC_ENTRY_WITHOUT_SECTION("toc-entry-without-section"),
        /** A section with no paragraph (for the last section: once the conclusion is taken off). */
        SECTION_WITHOUT_PARAGRAPHS("section-without-paragraphs"),
        /** The last section has no paragraph at all, so there is nothing to take as the conclusion. */
        MISSING_CONCLUSION("missing-conclusion"),
        /** "Related Resources" is not followed by its one introductory line. */
        MISSING_RESOURCES_INTRO("missing-resources-intro"),
        /** "Related Resources" has an introductory line but no resource line. */
        MISSING_RESOURCES("missing-resources"),
        /** A line under "Related Resources" that is not {@code - Name (Type): [Description] – URL}. */
        MALFORMED_RESOURCE("malformed-resource"),
        /** "About the Author" is not followed by a bio line. */
        EMPTY_AUTHOR("empty-author"),
        /** The author's bio does not begin with a name ("Dr. Jane Doe is ..."). */
        AUTHOR_WITHOUT_NAME("author-without-name"),
        /** Anything after the one author bio line. */
        TEXT_AFTER_AUTHOR("text-after-author"),
        /** A line (or a field of a resource line) longer than its limit. */
        TOO_LONG("too-long"),
        /** More sections, paragraphs in a section, or related resources than allowed. */
        TOO_MANY("too-many");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Rule rule;
    private final int line;

    /**
     * @param line   1-based line the problem is on, or 0 when it is not about one line
     * @param detail what is wrong, without the line prefix (it is added here so every message starts the same way)
     */
    public SeedFormatException(Rule rule, int line, String detail) {
        super(line > 0 ? "line " + line + ": " + detail : detail);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.line = Math.max(line, 0);
    }

    /** The stable machine id of the broken rule, e.g. {@code "unknown-heading"}. */
    public String rule() {
        return rule.id();
    }

    /** 1-based line number, or 0 when the problem is not about a single line. */
    public int line() {
        return line;
    }
}
