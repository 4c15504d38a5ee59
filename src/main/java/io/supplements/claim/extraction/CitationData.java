package io.supplements.claim.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shipped lists citations are recognised with: organisations ({@value Citations#ORGANIZATIONS_RESOURCE})
 * and journal titles ({@value Citations#JOURNALS_RESOURCE}). Both are data, read once.
 */
final class CitationData {

    /** Canonical short name to its full names and acronyms, longest first. */
    private static final Map<String, List<String>> NAMES = readOrganizations();

    private static final Map<String, String> ORGANIZATIONS = regexByCanonical();
    private static final Map<String, String> CANONICAL_BY_NAME = canonicalByNameOf();
    private static final List<String> JOURNALS = readJournals();

    private CitationData() {}

    /**
     * Canonical short name ("FDA") to a regular expression matching the ways prose names the body:
     * its full names ("Food and Drug Administration", any whitespace between words) and its acronyms,
     * all case-sensitive so that "who" is not the WHO.
     */
    static Map<String, String> organizations() {
        return ORGANIZATIONS;
    }

    /** Every organisation name and acronym as written (single spaces, straight apostrophes) to its canonical short name. */
    static Map<String, String> canonicalByName() {
        return CANONICAL_BY_NAME;
    }

    /** Journal titles as written in prose. */
    static List<String> journals() {
        return JOURNALS;
    }

    /** A literal phrase as a regular expression that allows any whitespace between its words. */
    static String phrase(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            words.add(Pattern.quote(word).replace("'", "\\E['\u2019]\\Q"));
        }
        return String.join("\\s+", words);
    }

    private static Map<String, List<String>> readOrganizations() {
        JsonNode root;
        try (InputStream in = Vocabulary.open(Citations.ORGANIZATIONS_RESOURCE)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Citations.ORGANIZATIONS_RESOURCE, e);
        }
        Map<String, List<String>> organizations = new LinkedHashMap<>();
        root.path("organizations").fields().forEachRemaining(entry -> {
            List<String> names = new ArrayList<>();
            entry.getValue()
                    .path("names")
                    .forEach(name -> names.add(name.asText().strip().replaceAll("\\s+", " ")));
            entry.getValue()
                    .path("acronyms")
                    .forEach(acronym -> names.add(acronym.asText().strip()));
            names.sort(Comparator.comparingInt(String::length).reversed());
            organizations.put(entry.getKey(), List.copyOf(names));
        });
        return Collections.unmodifiableMap(organizations);
    }

    private static Map<String, String> regexByCanonical() {
        Map<String, String> regexes = new LinkedHashMap<>();
        NAMES.forEach((canonical, names) -> regexes.put(
                canonical,
                String.join("|", names.stream().map(CitationData::phrase).toList())));
        return Collections.unmodifiableMap(regexes);
    }

    private static Map<String, String> canonicalByNameOf() {
        Map<String, String> canonical = new LinkedHashMap<>();
        NAMES.forEach((key, names) -> names.forEach(name -> canonical.put(name, key)));
        return Collections.unmodifiableMap(canonical);
    }

    private static List<String> readJournals() {
        String text;
        try (InputStream in = Vocabulary.open(Citations.JOURNALS_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Citations.JOURNALS_RESOURCE, e);
        }
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
