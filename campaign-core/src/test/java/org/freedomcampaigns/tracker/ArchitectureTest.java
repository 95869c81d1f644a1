package org.freedomcampaigns.tracker;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.freedomcampaigns.tracker.facts.CaseCommand;
import org.freedomcampaigns.tracker.campaign.Campaign;
import org.freedomcampaigns.tracker.casefile.Case;

/** campaign-core is the pure domain: no framework but Axon, and the message API knows nothing of the aggregates. */
@AnalyzeClasses(packages = "org.freedomcampaigns.tracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_core_depends_on_no_infrastructure =
            noClasses().should().dependOnClassesThat()
                       .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                                           "com.fasterxml.jackson..")
                       .because("campaign-core holds aggregates, commands, events and value objects only; "
                                + "Spring, MongoDB and JSON mapping belong to the modules around it")
                       .allowEmptyShould(false);

    @ArchTest
    static final ArchRule the_facts_do_not_depend_on_the_aggregates =
            noClasses().that().resideInAPackage("..facts..")
                       .should().dependOnClassesThat().resideInAnyPackage("..casefile..", "..campaign..")
                       .because("commands, events and value objects are shared with the other modules, "
                                + "which must not see the aggregates")
                       .allowEmptyShould(false);

    /** The rules above would pass vacuously if the import found nothing, or nothing in facts. */
    @ArchTest
    static void the_rules_see_the_domain_and_not_the_tests(JavaClasses classes) {
        assertThat(classes.contain(Case.class)).as("Case imported").isTrue();
        assertThat(classes.contain(Campaign.class)).as("Campaign imported").isTrue();
        assertThat(classes.contain(CaseCommand.class)).as("CaseCommand imported").isTrue();
        assertThat(classes.contain(ArchitectureTest.class)).as("test classes excluded").isFalse();
        assertThat(classes.that(resideInAPackage("..facts..")))
                .as("classes in ..facts..").hasSizeGreaterThan(10);
    }

    /**
     * The facts rule can fail at all: the test sources do what the main sources must not (CaseStatusTest, in facts,
     * uses the casefile test factory), so evaluating the rule on them finds a violation.
     */
    @ArchTest
    static void the_facts_rule_catches_a_dependency_on_the_aggregates(JavaClasses ignored) {
        JavaClasses withTests = new ClassFileImporter().importPackages("org.freedomcampaigns.tracker.facts");

        assertThat(the_facts_do_not_depend_on_the_aggregates.evaluate(withTests).hasViolation()).isTrue();
    }
}
