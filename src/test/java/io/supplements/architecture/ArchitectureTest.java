package io.supplements.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
     * The package dependencies that close a cycle, as "from -> to", that were there when this test was written.
     * The goal is none (see the README's Development section): a dependency that closes a new cycle fails the
     * test, and so does one listed here that no longer closes one, so the list only shrinks.
     */
    private static final Set<String> KNOWN_CYCLE_EDGES = Set.of(
            "article -> author",
            "author -> article",
            "article -> claim",
            "claim -> article",
            "article -> source",
            "source -> article",
            "claim -> source",
            "source -> claim");

    @Test
    void noNewCycleBetweenFeaturePackages() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass type : APP) {
            String from = sliceOf(type);
            if (from == null) {
                continue;
            }
            for (Dependency d : type.getDirectDependenciesFromSelf()) {
                String to = sliceOf(d.getTargetClass());
                if (to != null && !to.equals(from)) {
                    uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        Set<String> cycleEdges = new TreeSet<>();
        uses.forEach((from, tos) -> tos.forEach(to -> {
            if (reaches(uses, to, from)) {
                cycleEdges.add(from + " -> " + to);
            }
        }));
        assertEquals(new TreeSet<>(KNOWN_CYCLE_EDGES), cycleEdges, "package dependencies that close a cycle");
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(uses.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }

    /** The package under io.supplements a class is in, with claim.extraction (plain Java that claim and vocabulary use) apart. */
    private static String sliceOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("io.supplements.")) {
            return null;
        }
        if (name.startsWith("io.supplements.claim.extraction")) {
            return "claim.extraction";
        }
        String rest = name.substring("io.supplements.".length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }
}
