package io.supplements.claim.extraction;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences.
 *
 * <p>All offsets are indices into the paragraph in UTF-16 code units (Java {@code char}s). That is
 * the same unit JavaScript uses for string indices, so a browser can highlight a span with
 * {@code paragraph.slice(start, end)} without any conversion, even when the text holds characters
 * outside the Basic Multilingual Plane.
 */
public final class Sentences {

    /**
     * ICU's English sentence rules with its standard abbreviation suppressions ("Mr.", "Prof.", ...).
     * BreakIterator instances are stateful, so callers get clones of this prototype.
     */
    private static final BreakIterator PROTOTYPE = BreakIterator.getSentenceInstance(new ULocale("en@ss=standard"));

    /**
     * Abbreviations after which a sentence never ends in our texts. ICU's standard list lacks "Dr."
     * (it doubles as "Drive"), and its suppression of dotted forms such as "e.g." and "U.S." does not
     * take effect when a capitalised word follows, so we re-join those breaks ourselves; "St." is
     * nearly always "St. John's wort" in our texts. Lowercase,
     * compared case-insensitively.
     */
    private static final Set<String> NON_TERMINAL_ABBREVIATIONS =
            Set.of("dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "e.g.", "i.e.", "vs.", "cf.", "u.s.", "u.k.");

    /**
     * A capital letter that ends a sentence after a lowercase word ("known as peak X. The FDA ...",
     * "low in vitamin D. It ..."), which ICU takes for an initial. After a capitalised word it stays
     * an initial: "John F. Kennedy".
     */
    private static final Pattern LETTER_THEN_SENTENCE =
            Pattern.compile("(?<=(?:^|\\s)\\p{Ll}[\\p{L}-]*\\s)\\p{Lu}(?<dot>\\.)(?=\\s+\\p{Lu}\\p{Ll})");

    private Sentences() {}

    /**
     * A sentence's position in its paragraph: {@code paragraph.substring(start, end)} is the
     * sentence without leading or trailing whitespace. Offsets are UTF-16 code unit indices.
     */
    public record Span(int start, int end) {

        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
            }
        }

        /** The text this span covers in {@code paragraph}. */
        public String in(String paragraph) {
            return paragraph.substring(start, end);
        }
    }

    /** The sentences of {@code paragraph}, in order, each trimmed of surrounding whitespace. */
    public static List<Span> split(String paragraph) {
        BreakIterator breaks = (BreakIterator) PROTOTYPE.clone();
        breaks.setText(paragraph);

        List<Span> sentences = new ArrayList<>();
        int sentenceStart = breaks.first();
        for (int boundary = breaks.next(); boundary != BreakIterator.DONE; boundary = breaks.next()) {
            if (boundary < paragraph.length() && endsWithNonTerminalAbbreviation(paragraph, sentenceStart, boundary)) {
                continue;
            }
            int from = sentenceStart;
            Matcher letter = LETTER_THEN_SENTENCE.matcher(paragraph).region(sentenceStart, boundary);
            while (letter.find()) {
                add(sentences, trimmed(paragraph, from, letter.end("dot")));
                from = letter.end("dot");
            }
            add(sentences, trimmed(paragraph, from, boundary));
            sentenceStart = boundary;
        }
        return List.copyOf(sentences);
    }

    private static void add(List<Span> sentences, Span span) {
        if (span != null) {
            sentences.add(span);
        }
    }

    private static boolean endsWithNonTerminalAbbreviation(String text, int start, int end) {
        int wordEnd = end;
        while (wordEnd > start && isSpace(text.charAt(wordEnd - 1))) {
            wordEnd--;
        }
        int wordStart = wordEnd;
        while (wordStart > start && !isSpace(text.charAt(wordStart - 1)) && text.charAt(wordStart - 1) != '(') {
            wordStart--;
        }
        String lastWord = text.substring(wordStart, wordEnd).toLowerCase(Locale.ROOT);
        return NON_TERMINAL_ABBREVIATIONS.contains(lastWord);
    }

    private static Span trimmed(String text, int start, int end) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : new Span(start, end);
    }

    /** Java's isWhitespace misses the no-break spaces that pasted web text often carries. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
