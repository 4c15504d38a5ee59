package io.supplements.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/** The package structure the README's Development section draws, kept by the build. */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.supplements");
    private static final String[] FEATURES = {
        "io.supplements.article..",
        "io.supplements.author..",
        "io.supplements.claim..",
        "io.supplements.importer..",
        "io.supplements.key..",
        "io.supplements.search..",
        "io.supplements.source..",
        "io.supplements.sync..",
        "io.supplements.vocabulary..",
        "io.supplements.webhook.."
    };
    private static final String[] FRAMEWORKS = {
        "io.quarkus..",
        "org.hibernate..",
        "jakarta.ws.rs..",
        "jakarta.persistence..",
        "jakarta.enterprise..",
        "jakarta.inject..",
        "jakarta.transaction..",
        "io.vertx..",
        "org.jboss.resteasy.."
    };

    @Test
    void commonDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.supplements.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(APP);
    }

    @Test
    void theParserAndTheExtractorArePlainJavaOfTheirOwn() {
        noClasses()
                .that()
                .resideInAnyPackage("io.supplements.seedtext..", "io.supplements.claim.extraction..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .check(APP);
        for (String plain : new String[] {"io.supplements.seedtext..", "io.supplements.claim.extraction.."}) {
            noClasses()
                    .that()
                    .resideInAPackage(plain)
                    .should()
                    .dependOnClassesThat(resideInAPackage("io.supplements..").and(not(resideInAPackage(plain))))
                    .check(APP);
        }
    }

    /**
     * No new cycle between feature packages. The cycles there were when this test was written are recorded in
     * src/test/resources/archunit-store (FreezingArchRule): a change that adds a dependency along a cycle fails,
     * one that removes one shrinks the record. The goal is an empty record (see the README's Development section).
     */
    @Test
    void noNewCycleBetweenFeaturePackages() {
        FreezingArchRule.freeze(slices().assignedFrom(FEATURE_PACKAGES).should().beFreeOfCycles())
                .check(APP);
    }

    /** Each package under io.supplements, with claim.extraction (plain Java that claim and vocabulary use) apart. */
    private static final SliceAssignment FEATURE_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (!name.startsWith("io.supplements.")) {
                return SliceIdentifier.ignore();
            }
            if (name.startsWith("io.supplements.claim.extraction")) {
                return SliceIdentifier.of("claim.extraction");
            }
            String rest = name.substring("io.supplements.".length());
            return SliceIdentifier.of(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        }

        @Override
        public String getDescription() {
            return "packages under io.supplements, claim.extraction apart";
        }
    };
}
