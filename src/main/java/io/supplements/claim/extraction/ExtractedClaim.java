package io.supplements.claim.extraction;

import java.util.List;
import java.util.Objects;

/**
 * A sentence that asserts, denies or leaves open an effect, risk, mechanism or property of a
 * supplement.
 *
 * <p>Offsets are indices into the paragraph the claim was extracted from, counted in UTF-16 code
 * units (Java {@code char}s), which is also how JavaScript indexes strings, so a frontend can use
 * them with {@code String.prototype.slice} unchanged.
 *
 * @param text        the sentence, exactly {@code paragraph.substring(start, end)}
 * @param start       offset of the sentence's first character
 * @param end         exclusive offset just past the sentence's last non-whitespace character
 * @param supplement  canonical supplement slug (see {@link Vocabulary}); never null
 * @param outcome     canonical outcome slug, or null when the sentence states an effect or property
 *                    that no vocabulary outcome names ("withanolides are thought to be responsible for
 *                    most of its effects")
 * @param outcomeText the words the effect is named with: the outcome's term as written ("hair loss"), or,
 *                    when no vocabulary outcome fits, the phrase after the effect verb ("muscle
 *                    phosphocreatine" in "raises muscle phosphocreatine by 20 percent"); null when
 *                    neither is found
 * @param stance      whether the sentence reports, denies or leaves open the effect
 * @param hedged      whether the sentence softens its statement ("may", "suggests", ...)
 * @param attribution how the sentence supports itself; {@link Attribution#cited} exactly when
 *                    {@code citations} is not empty
 * @param citations   the sources cited in the sentence, in textual order; possibly empty
 */
public record ExtractedClaim(
        String text,
        int start,
        int end,
        String supplement,
        String outcome,
        String outcomeText,
        Stance stance,
        boolean hedged,
        Attribution attribution,
        List<CitedSource> citations) {

    public ExtractedClaim {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(supplement, "supplement");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(attribution, "attribution");
        citations = List.copyOf(citations);
        if (start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException("offsets [" + start + ", " + end + ") do not fit the claim text");
        }
        if ((attribution == Attribution.cited) != !citations.isEmpty()) {
            throw new IllegalArgumentException(
                    "attribution " + attribution + " does not fit " + citations.size() + " citations");
        }
    }
}
