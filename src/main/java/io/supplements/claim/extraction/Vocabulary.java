package io.supplements.claim.extraction;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The supplements and outcomes we can name, each a canonical slug with the terms that denote it.
 *
 * <p>Terms match case-insensitively as whole words. Where several terms could match, the one that
 * starts first wins, and among those the longest ("alopecia areata" over "alopecia").
 */
public final class Vocabulary {

    /** Classpath location of the default vocabulary. */
    public static final String RESOURCE = "vocabulary.json";

    private final Pattern supplements;
    private final Pattern outcomes;
    private final Map<String, String> supplementSlugByTerm;
    private final Map<String, String> outcomeSlugByTerm;

    private Vocabulary(Map<String, List<String>> supplements, Map<String, List<String>> outcomes) {
        this.supplementSlugByTerm = slugByTerm(supplements);
        this.outcomeSlugByTerm = slugByTerm(outcomes);
        this.supplements = alternation(supplementSlugByTerm);
        this.outcomes = alternation(outcomeSlugByTerm);
    }

    /** Loads {@value #RESOURCE} from the classpath. */
    public static Vocabulary load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Vocabulary.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<String, Map<String, List<String>>> json = new ObjectMapper()
                    .readValue(in, new TypeReference<LinkedHashMap<String, Map<String, List<String>>>>() { });
            return of(json.getOrDefault("supplements", Map.of()), json.getOrDefault("outcomes", Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * A vocabulary from slug-to-terms maps.
     *
     * @throws IllegalArgumentException if one term is listed under two slugs of the same map
     */
    public static Vocabulary of(Map<String, List<String>> supplements, Map<String, List<String>> outcomes) {
        return new Vocabulary(supplements, outcomes);
    }

    /** The slug of the supplement {@code sentence} names first, if any. */
    public Optional<String> supplementIn(String sentence) {
        return firstMatch(supplements, supplementSlugByTerm, sentence);
    }

    /** The slug of the outcome {@code sentence} names first, if any. */
    public Optional<String> outcomeIn(String sentence) {
        return firstMatch(outcomes, outcomeSlugByTerm, sentence);
    }

    private static Optional<String> firstMatch(Pattern terms, Map<String, String> slugByTerm, String text) {
        if (slugByTerm.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = terms.matcher(normalise(text));
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(slugByTerm.get(normalise(matcher.group()).replaceAll("\\s+", " ")));
    }

    private static Map<String, String> slugByTerm(Map<String, List<String>> termsBySlug) {
        Map<String, String> slugByTerm = new HashMap<>();
        termsBySlug.forEach((slug, terms) -> {
            for (String term : terms) {
                String key = normalise(term.strip()).replaceAll("\\s+", " ");
                String previous = slugByTerm.putIfAbsent(key, slug);
                if (previous != null && !previous.equals(slug)) {
                    throw new IllegalArgumentException(
                            "term \"" + term + "\" is listed under both " + previous + " and " + slug);
                }
            }
        });
        return Map.copyOf(slugByTerm);
    }

    /**
     * One pattern over all terms. Java's alternation takes the first alternative that matches, so
     * ordering longer terms first makes the match at any position the longest one.
     */
    private static Pattern alternation(Map<String, String> slugByTerm) {
        List<String> terms = new ArrayList<>(slugByTerm.keySet());
        terms.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        List<String> alternatives = new ArrayList<>();
        for (String term : terms) {
            alternatives.add(Pattern.quote(term).replace(" ", "\\E\\s+\\Q"));
        }
        // A hyphen before a term makes it part of a compound ("non-addictive" is not "addictive");
        // a hyphen after it does not ("kratom-induced" still names kratom).
        String regex = "(?<![\\p{L}\\p{N}-])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])";
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Typographic apostrophes are common in the articles ("St. John’s wort") but not in term lists. */
    private static String normalise(String text) {
        return text.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }
}
