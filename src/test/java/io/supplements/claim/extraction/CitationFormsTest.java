package io.supplements.claim.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Citations are recognised by their form, whatever the supplement: author-year in both forms,
 * identifiers, organisations from the shipped list (spelled out or as acronyms), journals from the
 * shipped list as subjects, the year wherever the citing words put it. Organisations that act rather
 * than speak are not cited. The sentences are written for this test, about made-up findings.
 */
class CitationFormsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Okafor and colleagues (2014) found that taurine lowered resting heart rate.                    | author:Okafor:2014
            Taurine lowered resting heart rate in older adults (Lindgren et al., 2011).                    | author:Lindgren:2011
            Taurine lowered resting heart rate (Müller, 2009; Tanaka and Sato, 2012).                      | author:Müller:2009 author:Tanaka:2012
            Taurine lowered resting heart rate in a small trial (PMID: 31234567).                          | document:31234567:null
            A 2018 randomized trial found that taurine lowered resting heart rate (NCT01234567).           | document:NCT01234567:2018
            Taurine lowered resting heart rate in one pooled analysis (doi:10.1000/xyz.2020.12).            | document:10.1000/xyz.2020.12:null
            Taurine lowered resting heart rate, according to the Office of Dietary Supplements.            | organization:ODS:null
            The European Food Safety Authority concluded that taurine is safe at 6 grams a day.            | organization:EFSA:null
            Data from the CDC show that taurine poisonings are rare.                                       | organization:CDC:null
            A 2019 Cochrane review found that taurine did not lower blood pressure.                        | organization:Cochrane:2019
            In a 2021 statement, EFSA said that taurine in energy drinks is safe.                          | organization:EFSA:2021
            Hypertension Research reported in 2016 that taurine lowered blood pressure in rats.            | journal:Hypertension Research:2016
            A trial in Amino Acids from 2012 found that taurine lowered resting heart rate.                | journal:Amino Acids:2012
            Taurine lowered blood pressure in a trial published in the Journal of Hypertension in 2015.    | journal:Journal of Hypertension:2015
            """)
    void citedByForm(String sentence, String expected) {
        ExtractedClaim claim = onlyClaim(sentence);
        List<String> actual = claim.citations().stream()
                .map(c -> c.kind().name().toLowerCase() + ":" + c.name() + ":" + c.year())
                .toList();
        assertEquals(List.of(expected.split(" (?=(?:author|document|organization|journal):)")), actual);
        claim.citations().forEach(c -> assertEquals(c.citedText(), sentence.substring(c.start(), c.end())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The DEA proposed placing taurine in Schedule I after reports of misuse.
            In 2020, the FDA banned taurine from infant formula after reports of harm.
            The FDA does not review taurine products for safety before they are sold.
            """)
    void actingOrganisationsAreNotCited(String sentence) {
        new ClaimExtractor(Vocabulary.load())
                .extract(sentence, "taurine")
                .forEach(claim -> assertEquals(List.of(), claim.citations(), sentence));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A trial published in Nutrients (2016) found that taurine lowered blood pressure (doi:10.3390/nu8040182). | doi=10.3390/nu8040182
            Taurine lowered blood pressure (Kim et al., 2016; PMID: 27012345).                                      | pmid=27012345
            """)
    void identifiersBelongToTheCitedSource(String sentence, String identifier) {
        CitedSource citation = onlyClaim(sentence).citations().get(0);
        String[] kv = identifier.split("=");
        assertEquals(Map.of(kv[0], kv[1]), citation.identifiers());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A 2019 meta-analysis of nine randomized trials in Nutrients found that taurine lowered blood pressure.   | meta-analysis               | null
            In a placebo-controlled trial of 40 adults, taurine lowered blood pressure (Ito et al., 2014).          | randomized-controlled-trial | humans
            In rats, taurine lowered blood pressure, according to a 2016 study in Amino Acids.                      | animal                      | animals
            In cultured heart cells, taurine protected mitochondria (Okafor et al., 2015).                          | in-vitro                    | cells
            The European Food Safety Authority concluded that taurine is safe at 6 grams a day.                     | regulator-statement         | null
            A 2020 case report in Cureus described a man who developed palpitations after taking taurine.           | case-report                 | humans
            """)
    void designAndPopulationComeFromTheCitingSentence(String sentence, String design, String population) {
        CitedSource citation = onlyClaim(sentence).citations().get(0);
        assertEquals(design, citation.design().wire());
        assertEquals(
                population,
                citation.population() == null ? "null" : citation.population().wire());
    }

    private static ExtractedClaim onlyClaim(String sentence) {
        List<ExtractedClaim> claims = new ClaimExtractor(Vocabulary.load()).extract(sentence, "taurine");
        assertEquals(1, claims.size(), () -> "claims in: " + sentence);
        return claims.get(0);
    }
}
