package org.freedomcampaigns.tracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the whole service, every module on this class path (core, event store, read models, API): packages
 * without cycles, no package in two modules, and in the API the layers — HTTP concerns ({@code http}) and
 * application services ({@code application}) under the features, never the reverse.
 */
@AnalyzeClasses(packages = "org.freedomcampaigns.tracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {
    private static final String[] FEATURES = {"..tracker.admin..", "..tracker.audit..", "..tracker.cases..",
                                              "..tracker.campaigns..", "..tracker.officials..",
                                              "..tracker.security..", "..tracker.health..", "..tracker.demo..",
                                              "..tracker.storage.."};
    private static final Set<String> MODULES = Set.of("campaign-core", "campaign-eventstore", "campaign-projections",
                                                      "campaign-api");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("org.freedomcampaigns.tracker.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_layers_do_not_depend_on_the_features =
            noClasses().that().resideInAnyPackage("..tracker.http..", "..tracker.application..")
                       .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                       .because("features use the HTTP layer and the application services, not the reverse");

    @ArchTest
    static final ArchRule application_services_know_nothing_of_http_concerns =
            noClasses().that().resideInAPackage("..tracker.application..")
                       .should().dependOnClassesThat().resideInAPackage("..tracker.http..")
                       .because("the HTTP layer maps what the services throw, the services do not answer HTTP");

    @ArchTest
    static void no_package_is_in_two_modules(JavaClasses classes) {
        Map<String, Set<String>> modules = new TreeMap<>();
        for (JavaClass type : classes) {
            modules.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>()).add(moduleOf(type));
        }
        assertThat(modules.values().stream().flatMap(Set::stream)).as("classes of every module imported")
                                                                .containsAll(MODULES);
        assertThat(modules).allSatisfy((pkg, in) -> assertThat(in).as(pkg).hasSize(1));
    }

    private static String moduleOf(JavaClass type) {
        String location = type.getSource().map(source -> source.getUri().toString()).orElse("");
        return MODULES.stream().filter(module -> location.contains("/" + module + "/")
                || location.contains("/" + module + "-")).findFirst().orElse(location);
    }
}
