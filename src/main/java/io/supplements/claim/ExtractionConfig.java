package io.supplements.claim;

import io.supplements.claim.extraction.ClaimExtractor;
import io.supplements.claim.extraction.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The extractor is plain Java; this makes one, with the bundled vocabulary, for the application. */
public class ExtractionConfig {

    @Produces
    @ApplicationScoped
    ClaimExtractor claimExtractor() {
        return new ClaimExtractor(Vocabulary.load());
    }
}
