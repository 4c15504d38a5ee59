package io.supplements.claim.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplements.seedtext.SeedTextParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seeds disagree with each other, and extraction must surface it: claims about the same
 * supplement and outcome with opposite stances (asserts vs denies) are what the conflicts endpoint
 * reports.
 */
class SeedConflictsTest {

    record Found(String file, ExtractedClaim claim) {}

    private static final List<Found> CLAIMS = new ArrayList<>();

    @BeforeAll
    static void extractAllSeeds() throws IOException {
        ClaimExtractor extractor = new ClaimExtractor(Vocabulary.load());
        for (JsonNode entry : new ObjectMapper().readTree(resource("sample-content/manifest.json"))) {
            String file = entry.get("file").asText();
            List<String> prose = ExtractionQualityTest.prose(
                    SeedTextParser.parse(resource("sample-content/" + file).readAllBytes()));
            String main = extractor.mainSupplement(prose).orElseThrow();
            assertEquals("kratom", main, file);
            for (String paragraph : prose) {
                extractor.extract(paragraph, main).forEach(claim -> CLAIMS.add(new Found(file, claim)));
            }
        }
    }

    @Test
    void hairLossConflict() {
        assertTrue(stances("kratom", "hair-loss").containsAll(Set.of(Stance.asserts, Stance.denies)));

        Found documented = find("a study in Journal of Clinical Medicine documented cases of severe hair loss");
        assertEquals("000_d86605129c82c006.txt", documented.file());
        assertEquals(Stance.asserts, documented.claim().stance());
        assertEquals("hair-loss", documented.claim().outcome());
        assertEquals(Attribution.cited, documented.claim().attribution());

        Found none = find("found no evidence of kratom causing hair loss");
        assertEquals("001_3fb4897e27bae9c5.txt", none.file());
        assertEquals(Stance.denies, none.claim().stance());
        assertEquals("hair-loss", none.claim().outcome());
        assertEquals(
                "Journal of Ethnopharmacology", none.claim().citations().get(0).name());
    }

    @Test
    void dependenceConflict() {
        assertTrue(stances("kratom", "dependence").containsAll(Set.of(Stance.asserts, Stance.denies)));

        Found nonAddictive = find("kratom is generally considered non-addictive at recommended dosages");
        assertEquals("000_d86605129c82c006.txt", nonAddictive.file());
        assertEquals("dependence", nonAddictive.claim().outcome());
        assertEquals(Stance.denies, nonAddictive.claim().stance());

        Found linked = find("Kratom usage has been linked to instances of dependency");
        assertEquals("004_2e087eabf4b5b044.txt", linked.file());
        assertEquals("dependence", linked.claim().outcome());
        assertEquals(Stance.asserts, linked.claim().stance());

        // Both FDA sentences of seed 003 warn of abuse (and addiction): dependence, asserted, citing the FDA.
        List<Found> fda = CLAIMS.stream()
                .filter(f ->
                        f.claim().citations().stream().anyMatch(c -> c.name().equals("FDA")))
                .toList();
        assertEquals(2, fda.size());
        for (Found found : fda) {
            assertEquals("003_da69b7ad184b59f8.txt", found.file());
            assertEquals("dependence", found.claim().outcome());
            assertEquals(Stance.asserts, found.claim().stance());
        }
    }

    @Test
    void everySeedClaimIsAboutKratom() {
        Map<String, Long> bySupplement =
                CLAIMS.stream().collect(Collectors.groupingBy(f -> f.claim().supplement(), Collectors.counting()));
        assertEquals(Set.of("kratom"), bySupplement.keySet());
    }

    private static Set<Stance> stances(String supplement, String outcome) {
        return CLAIMS.stream()
                .map(Found::claim)
                .filter(c -> supplement.equals(c.supplement()) && outcome.equals(c.outcome()))
                .map(ExtractedClaim::stance)
                .collect(Collectors.toSet());
    }

    private static Found find(String fragment) {
        List<Found> found =
                CLAIMS.stream().filter(f -> f.claim().text().contains(fragment)).toList();
        assertEquals(1, found.size(), fragment);
        return found.get(0);
    }

    private static InputStream resource(String path) {
        InputStream in = SeedConflictsTest.class.getClassLoader().getResourceAsStream(path);
        assertNotNull(in, path);
        return in;
    }
}
