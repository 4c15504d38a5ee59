package io.supplements.article.api;

/** Bounds on article content, shared by validation and the OpenAPI schema. */
public final class Limits {
    public static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String SLUG_MESSAGE = "must be lower-case letters and digits separated by single hyphens";
    /** One line of text: no line breaks or other control characters (tabs are allowed). */
    public static final String ONE_LINE = "^[^\\x00-\\x08\\x0A-\\x1F\\x7F]*$";

    public static final String ONE_LINE_MESSAGE = "must be a single line without control characters";
    public static final String URL = "^(https?://[^\\s\\x00-\\x1F\\x7F]+|/[^\\s\\x00-\\x1F\\x7F]*)$";
    public static final int PARAGRAPH = 20000;
    public static final int SECTIONS = 200;
    public static final int PARAGRAPHS = 500;

    private Limits() {}
}
