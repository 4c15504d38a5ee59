package io.supplements.claim.extraction;

import java.util.Objects;

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
 */
public record CitedSource(SourceKind kind, String name, Integer year, String citedText, int start, int end) {

    public CitedSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(citedText, "citedText");
        if (start < 0 || end < start || end - start != citedText.length()) {
            throw new IllegalArgumentException(
                    "offsets [" + start + ", " + end + ") do not fit cited text \"" + citedText + "\"");
        }
    }
}
