package pdmbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module and package boundaries of DESIGN.md §2, enforced. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("pdmbot");
    }

    @Test
    void only_the_gitlab_world_imports_gitlab4j() {
        noClasses().that().resideOutsideOfPackage("pdmbot.world.gitlab..")
                .should().dependOnClassesThat().resideInAPackage("org.gitlab4j..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void only_the_slack_adapter_imports_bolt_and_the_slack_sdk() {
        noClasses().that().resideOutsideOfPackages("pdmbot.adapters.slack..", "pdmbot.serve..")
                .should().dependOnClassesThat().resideInAPackage("com.slack..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void only_the_discord_adapter_imports_jda() {
        noClasses().that().resideOutsideOfPackage("pdmbot.adapters.discord..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void the_chat_core_knows_no_platform_world_or_store() {
        noClasses().that().resideInAPackage("pdmbot.chat..")
                .should().dependOnClassesThat().resideInAnyPackage("pdmbot.adapters..", "pdmbot.world..", "pdmbot.storage..",
                        "pdmbot.rules..", "org.eclipse.jgit..", "com.slack..", "net.dv8tion..", "org.gitlab4j..")
                .check(classes);
    }

    @Test
    void rules_and_storage_know_nothing_of_the_bot() {
        noClasses().that().resideInAnyPackage("pdmbot.rules..", "pdmbot.storage..", "pdmbot.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("pdmbot.chat..", "pdmbot.adapters..", "pdmbot.world..",
                        "pdmbot.app..", "pdmbot.cli..", "pdmbot.ledger..", "pdmbot.run..")
                .check(classes);
    }

    @Test
    void storage_knows_nothing_of_drools() {
        noClasses().that().resideInAnyPackage("pdmbot.storage..", "pdmbot.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..", "pdmbot.rules..")
                .check(classes);
    }

    @Test
    void world_ports_do_not_depend_on_chat() {
        noClasses().that().resideInAPackage("pdmbot.world..")
                .should().dependOnClassesThat().resideInAnyPackage("pdmbot.chat..", "pdmbot.adapters..", "com.slack..", "net.dv8tion..")
                .check(classes);
    }
}
