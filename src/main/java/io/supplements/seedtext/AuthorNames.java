package io.supplements.seedtext;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Author name and slug helpers for "About the Author" bios. */
public final class AuthorNames {

    public static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_NAME_WORDS = 6;

    /** Lowercase name particles; allowed inside a name ("Ludwig van Beethoven"), never at its ends. */
    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "der", "den", "de", "del", "della", "da", "das", "di", "do", "dos", "du", "la", "le", "ter",
            "ten", "bin", "binti", "al", "el", "y", "zu");

    /** Abbreviations whose period belongs to the word rather than ending a sentence. */
    private static final Set<String> HONORIFICS = Set.of(
            "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Mx.", "Jr.", "Sr.", "St.", "Rev.", "Hon.", "Fr.", "Capt.", "Col.",
            "Gen.", "Lt.", "Sgt.", "Maj.");

    /** Capitalised only because they start the sentence; a bio starting with one does not start with a name. */
    private static final Set<String> SENTENCE_STARTERS = Set.of(
            "The", "A", "An", "This", "That", "These", "Our", "My", "Your", "As", "With", "In", "At", "On", "For",
            "From", "After", "Since", "Meet", "About", "It", "He", "She", "They", "We", "I", "When", "While", "Having",
            "Born", "Written", "By");

    /** "J.", "J.R.", "Ph.D." – the periods are part of the token. */
    private static final Pattern DOTTED_ABBREVIATION = Pattern.compile("(\\p{L}{1,2}\\.)+");

    private static final Pattern NAME_WORD = Pattern.compile("[\\p{Lu}\\p{Lt}][\\p{L}\\p{M}'\u2019\\-]*\\.?");
    private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s$");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u2018\u02BC`\u00B4]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private AuthorNames() {}

    /**
     * The name a bio starts with: "Dr. Emily Parker is a renowned …" gives "Dr. Emily Parker". It is the
     * leading run of capitalised words, honorifics, initials and inner particles (at most six words),
     * ending at the first other word. Null when the bio does not start with a name.
     */
    public static String nameFromBio(String bio) {
        if (bio == null || bio.isBlank()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        int pendingParticles = 0;
        for (String raw : bio.strip().split("\\s+")) {
            if (words.size() >= MAX_NAME_WORDS) {
                break;
            }
            String token = raw;
            boolean endsName = false;
            // Punctuation after a word closes the name: "Dr. Emily Parker, PhD, is …".
            while (!token.isEmpty() && ",;:".indexOf(token.charAt(token.length() - 1)) >= 0) {
                token = token.substring(0, token.length() - 1);
                endsName = true;
            }
            if (POSSESSIVE.matcher(token).find()) {
                token = token.substring(0, token.length() - 2);
                endsName = true;
            }
            if (token.isEmpty()) {
                break;
            }
            if (!words.isEmpty() && PARTICLES.contains(token)) {
                words.add(token);
                pendingParticles++;
                if (endsName) {
                    break;
                }
                continue;
            }
            if (!NAME_WORD.matcher(token).matches()
                    && !DOTTED_ABBREVIATION.matcher(token).matches()) {
                break;
            }
            if (!Character.isUpperCase(token.codePointAt(0)) && !Character.isTitleCase(token.codePointAt(0))) {
                break;
            }
            if (token.endsWith(".") && !isAbbreviation(token)) {
                // A full word with a period ends the sentence, and with it the name.
                token = token.substring(0, token.length() - 1);
                endsName = true;
            }
            if (words.isEmpty() && SENTENCE_STARTERS.contains(token)) {
                return null;
            }
            words.add(token);
            pendingParticles = 0;
            if (endsName) {
                break;
            }
        }
        // A particle is only part of a name when a capitalised word follows it.
        List<String> name = words.subList(0, words.size() - pendingParticles);
        return name.isEmpty() ? null : String.join(" ", name);
    }

    private static boolean isAbbreviation(String token) {
        return HONORIFICS.contains(token) || DOTTED_ABBREVIATION.matcher(token).matches();
    }

    /**
     * URL slug: lowercase ASCII letters and digits, every other run turned into a single '-', no '-' at
     * either end. Accents are stripped and apostrophes dropped, so "Kratom's Role" gives "kratoms-role".
     */
    public static String slugify(String s) {
        if (s == null) {
            return "";
        }
        String text = s.toLowerCase(Locale.ROOT);
        // NFKD also splits ligatures and compatibility forms ("ﬁ", "²") into plain letters and digits.
        text = Normalizer.normalize(text, Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        text = foldLettersWithoutDecomposition(text);
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = NON_ALNUM.matcher(text).replaceAll("-");
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }

    /** Letters Unicode does not decompose into base letter plus accent, so NFKD alone would drop them. */
    private static String foldLettersWithoutDecomposition(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ø' -> out.append('o');
                case 'ł' -> out.append('l');
                case 'đ', 'ð' -> out.append('d');
                case 'þ' -> out.append("th");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
