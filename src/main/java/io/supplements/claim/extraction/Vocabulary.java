package io.supplements.claim.extraction;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
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
 * The bundled terms are data ({@value #RESOURCE}); {@link #withTerms} adds more, e.g. terms editors
 * add at runtime.
 *
 * <p>Terms match case-insensitively as whole words. Where several terms could match, the one that
 * starts first wins, and among those the longest ("alopecia areata" over "alopecia"). A hyphen
 * before a term makes it part of a compound ("non-addictive" is not "addictive"), except that
 * {@link #outcomeMentions} reports such "non-" compounds as negated mentions. Instances are
 * immutable and safe to share between threads.
 */
public final class Vocabulary {

    /** Classpath location of the default vocabulary. */
    public static final String RESOURCE = "vocabulary.json";

    /** Where a term of the vocabulary occurs in a text; {@code nonPrefixed} for "non-addictive". */
    record Mention(String slug, int start, int end, boolean nonPrefixed) {}

    private final Map<String, List<String>> supplementTerms;
    private final Map<String, List<String>> outcomeTerms;
    private final Terms supplements;
    private final Terms outcomes;

    private Vocabulary(Map<String, List<String>> supplements, Map<String, List<String>> outcomes) {
        this.supplementTerms = frozenCopy(supplements);
        this.outcomeTerms = frozenCopy(outcomes);
        this.supplements = new Terms(supplementTerms);
        this.outcomes = new Terms(outcomeTerms);
    }

    /** Classpath location of the supplement gazetteer: hundreds of supplements, their synonyms and constituents. */
    public static final String GAZETTEER = "gazetteer.json";

    private record GazetteerEntry(String name, List<String> terms, List<String> constituents) {}

    private record Gazetteer(String description, Map<String, GazetteerEntry> supplements) {}

    /**
     * Loads {@value #RESOURCE} and adds every supplement of {@value #GAZETTEER}, its synonyms and
     * constituents as its terms, so that a claim about a supplement nobody registered is still found.
     * Where both list a term, {@value #RESOURCE} decides its slug.
     */
    public static Vocabulary load() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Map<String, Map<String, List<String>>> vocabulary;
        Gazetteer gazetteer;
        try (InputStream in = open(RESOURCE);
                InputStream g = open(GAZETTEER)) {
            vocabulary = json.readValue(in, new TypeReference<LinkedHashMap<String, Map<String, List<String>>>>() {});
            gazetteer = json.readValue(g, Gazetteer.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " or " + GAZETTEER, e);
        }
        Map<String, List<String>> supplements = new LinkedHashMap<>();
        vocabulary
                .getOrDefault("supplements", Map.of())
                .forEach((slug, terms) -> supplements.put(slug, new ArrayList<>(terms)));
        Map<String, String> slugByTerm = new HashMap<>();
        supplements.forEach((slug, terms) -> terms.forEach(term -> slugByTerm.put(key(term), slug)));
        gazetteer.supplements().forEach((slug, entry) -> {
            List<String> all = new ArrayList<>(entry.terms() == null ? List.of() : entry.terms());
            all.addAll(entry.constituents() == null ? List.of() : entry.constituents());
            for (String term : all) {
                if (slugByTerm.putIfAbsent(key(term), slug) == null) {
                    supplements.computeIfAbsent(slug, s -> new ArrayList<>()).add(term);
                }
            }
        });
        return of(supplements, vocabulary.getOrDefault("outcomes", Map.of()));
    }

    /** A resource of this package's data, from the context class loader where there is one. */
    static InputStream open(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = Vocabulary.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath");
        }
        return in;
    }

    /**
     * A vocabulary from slug-to-terms maps.
     *
     * @throws IllegalArgumentException if one term is listed under two slugs of the same map
     */
    public static Vocabulary of(Map<String, List<String>> supplements, Map<String, List<String>> outcomes) {
        return new Vocabulary(supplements, outcomes);
    }

    /**
     * This vocabulary plus more terms, e.g. the bundled file plus the terms editors added. A slug
     * may be new or existing; a term already listed under the same slug is ignored.
     *
     * @throws IllegalArgumentException if a term would be listed under two slugs of the same map
     */
    public Vocabulary withTerms(Map<String, List<String>> supplements, Map<String, List<String>> outcomes) {
        return of(merged(supplementTerms, supplements), merged(outcomeTerms, outcomes));
    }

    /** Supplement slug to its terms, in the order they were given. */
    public Map<String, List<String>> supplements() {
        return supplementTerms;
    }

    /** Outcome slug to its terms, in the order they were given. */
    public Map<String, List<String>> outcomes() {
        return outcomeTerms;
    }

    /** The slug of the supplement {@code sentence} names first, if any. */
    public Optional<String> supplementIn(String sentence) {
        return supplements.mentions(sentence, false).stream().findFirst().map(Mention::slug);
    }

    /** The slug of the outcome {@code sentence} names first, if any. */
    public Optional<String> outcomeIn(String sentence) {
        return outcomes.mentions(sentence, false).stream().findFirst().map(Mention::slug);
    }

    /** Every supplement term in {@code text}, in textual order. */
    List<Mention> supplementMentions(String text) {
        return supplements.mentions(text, false);
    }

    /** Every outcome term in {@code text}, in textual order, including "non-" compounds. */
    List<Mention> outcomeMentions(String text) {
        return outcomes.mentions(text, true);
    }

    /** One kind of term (supplements or outcomes), compiled. */
    private static final class Terms {
        private final Map<String, String> slugByTerm;
        private final Pattern pattern;
        private final Pattern nonPrefixed;

        Terms(Map<String, List<String>> termsBySlug) {
            this.slugByTerm = slugByTerm(termsBySlug);
            String alternation = alternation(slugByTerm);
            // A hyphen before a term makes it part of a compound ("non-addictive" is not "addictive");
            // a hyphen after it does not ("kratom-induced" still names kratom).
            this.pattern = compile("(?<![\\p{L}\\p{N}-])(?:" + alternation + ")(?![\\p{L}\\p{N}])");
            this.nonPrefixed = compile("(?<![\\p{L}\\p{N}-])non-(?:" + alternation + ")(?![\\p{L}\\p{N}])");
        }

        List<Mention> mentions(String text, boolean withNonPrefixed) {
            if (slugByTerm.isEmpty()) {
                return List.of();
            }
            String normalised = normaliseApostrophes(text);
            List<Mention> mentions = new ArrayList<>();
            find(pattern, normalised, 0, false, mentions);
            if (withNonPrefixed) {
                find(nonPrefixed, normalised, "non-".length(), true, mentions);
                mentions.sort(Comparator.comparingInt(Mention::start));
            }
            return mentions;
        }

        private void find(Pattern terms, String text, int skip, boolean nonPrefix, List<Mention> into) {
            Matcher m = terms.matcher(text);
            while (m.find()) {
                int start = m.start() + skip;
                String term = key(text.substring(start, m.end()));
                into.add(new Mention(slugByTerm.get(term), start, m.end(), nonPrefix));
            }
        }

        private static Pattern compile(String regex) {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    private static Map<String, String> slugByTerm(Map<String, List<String>> termsBySlug) {
        Map<String, String> slugByTerm = new HashMap<>();
        termsBySlug.forEach((slug, terms) -> {
            for (String term : terms) {
                String previous = slugByTerm.putIfAbsent(key(term), slug);
                if (previous != null && !previous.equals(slug)) {
                    throw new IllegalArgumentException(
                            "term \"" + term + "\" is listed under both " + previous + " and " + slug);
                }
            }
        });
        return Map.copyOf(slugByTerm);
    }

    /** One pattern over all terms, the longest matching at any position (see {@link TermPattern}). */
    private static String alternation(Map<String, String> slugByTerm) {
        return TermPattern.of(slugByTerm.keySet());
    }

    private static Map<String, List<String>> merged(Map<String, List<String>> base, Map<String, List<String>> extra) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        base.forEach((slug, terms) -> merged.put(slug, new ArrayList<>(terms)));
        extra.forEach((slug, terms) -> {
            List<String> into = merged.computeIfAbsent(slug, s -> new ArrayList<>());
            List<String> keys = into.stream().map(Vocabulary::key).toList();
            terms.stream().filter(t -> !keys.contains(key(t))).forEach(into::add);
        });
        return merged;
    }

    private static Map<String, List<String>> frozenCopy(Map<String, List<String>> termsBySlug) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        termsBySlug.forEach((slug, terms) -> copy.put(slug, List.copyOf(terms)));
        return Collections.unmodifiableMap(copy);
    }

    /** The form terms are compared in: lowercase, straight apostrophes, single spaces. */
    public static String key(String term) {
        return normaliseApostrophes(term.strip()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * Typographic apostrophes are common in the articles ("St. John’s wort") but not in term lists.
     * The replacement keeps the length, so offsets into the result are offsets into the text.
     */
    private static String normaliseApostrophes(String text) {
        return text.replace('\u2019', '\'');
    }
}
