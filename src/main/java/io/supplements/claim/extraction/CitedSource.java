package io.supplements.claim.extraction;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A source cited inline in a sentence.
 *
 * @param kind      what kind of source it is
 * @param name      the normalised name: a journal title without a leading "the"
 *                  ("Journal of Ethnopharmacology"), or an organisation's canonical short name ("FDA")
 * @param year      the publication year the text gives, or null when it gives none
 * @param citedText the cited phrase exactly as it appears in the paragraph, e.g.
 *                  "Pharmacognosy Research (2019)"; always {@code paragraph.substring(start, end)}
 * @param start     offset of {@code citedText} in the paragraph, in UTF-16 code units
 * @param end       exclusive end offset of {@code citedText} in the paragraph, in UTF-16 code units
 * @param identifiers the document's identifiers the sentence gives, by kind ({@code doi}, {@code pmid},
 *                  {@code pmcid}, {@code nct}, {@code url}); the identifier's own text is not part of
 *                  {@code citedText} unless the identifier is the whole citation
 * @param design    the kind of evidence the sentence describes the cited work as
 * @param population who or what the cited work studied, or null when the sentence does not say
 */
public record CitedSource(
        SourceKind kind,
        String name,
        Integer year,
        String citedText,
        int start,
        int end,
        Map<String, String> identifiers,
        StudyDesign design,
        Population population) {

    public CitedSource(SourceKind kind, String name, Integer year, String citedText, int start, int end) {
        this(kind, name, year, citedText, start, end, Map.of(), StudyDesign.UNSPECIFIED, null);
    }

    public CitedSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(citedText, "citedText");
        identifiers = Map.copyOf(identifiers);
        Objects.requireNonNull(design, "design");
        if (start < 0 || end < start || end - start != citedText.length()) {
            throw new IllegalArgumentException(
                    "offsets [" + start + ", " + end + ") do not fit cited text \"" + citedText + "\"");
        }
    }

    /** This citation with one more identifier of its document. */
    CitedSource withIdentifier(String kind, String value) {
        Map<String, String> more = new TreeMap<>(identifiers);
        more.put(kind, value);
        return new CitedSource(this.kind, name, year, citedText, start, end, more, design, population);
    }

    /** This citation with the design and population its sentence gives. */
    CitedSource withEvidence(StudyDesign design, Population population) {
        return new CitedSource(kind, name, year, citedText, start, end, identifiers, design, population);
    }
}
