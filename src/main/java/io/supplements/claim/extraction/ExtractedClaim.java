package io.supplements.claim.extraction;

import java.util.List;
import java.util.Objects;

/**
 * A sentence that cites at least one source inline.
 *
 * <p>Offsets are indices into the paragraph the claim was extracted from, counted in UTF-16 code
 * units (Java {@code char}s), which is also how JavaScript indexes strings, so a frontend can use
 * them with {@code String.prototype.slice} unchanged.
 *
 * @param text       the sentence, exactly {@code paragraph.substring(start, end)}
 * @param start      offset of the sentence's first character
 * @param end        exclusive offset just past the sentence's last non-whitespace character
 * @param supplement canonical supplement slug (see {@link Vocabulary}), or null when none is known
 * @param outcome    canonical outcome slug, or null when the sentence names none
 * @param stance     whether the sentence reports, denies or leaves open the effect
 * @param hedged     whether the sentence softens its statement ("may", "suggests", ...)
 * @param citations  the sources cited in the sentence, in textual order; never empty
 */
public record ExtractedClaim(
        String text,
        int start,
        int end,
        String supplement,
        String outcome,
        Stance stance,
        boolean hedged,
        List<CitedSource> citations) {

    public ExtractedClaim {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stance, "stance");
        citations = List.copyOf(citations);
        if (start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException("offsets [" + start + ", " + end + ") do not fit the claim text");
        }
    }
}
