package pdmbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URISyntaxException;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package boundaries of DESIGN.md §2, enforced. Each module's main classes are also imported from
 * that module's own output (found from one class of it), so a cycle is looked for within each module.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("pdmbot");
    }

    /** The main classes of the module that holds {@code member}, and only those. */
    static JavaClasses moduleOf(Class<?> member) {
        try {
            Location output = Location.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importLocations(Set.of(output));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_bot_module_has_no_package_cycle() {
        slices().matching("pdmbot.(*)..").should().beFreeOfCycles().check(moduleOf(pdmbot.app.PdmBot.class));
    }

    @Test
    void no_two_packages_of_the_bot_module_depend_on_each_other() {
        slices().matching("pdmbot.(**)").should().beFreeOfCycles().check(moduleOf(pdmbot.app.PdmBot.class));
    }

    @Test
    void the_rules_module_has_no_package_cycle() {
        slices().matching("pdmbot.rules.(*)..").should().beFreeOfCycles()
                .check(moduleOf(pdmbot.rules.checks.ProductionChecks.class));
    }

    @Test
    void the_storage_module_has_no_package_cycle() {
        JavaClasses storage = moduleOf(pdmbot.storage.Database.class);
        slices().matching("pdmbot.(*)..").should().beFreeOfCycles().check(storage);
        slices().matching("pdmbot.storage.(*)..").should().beFreeOfCycles().check(storage);
    }

    @Test
    void the_emulator_module_has_no_package_cycle_and_imports_nothing_of_the_bot() {
        JavaClasses emulator = moduleOf(pdmbot.emulator.Emulator.class);
        slices().matching("pdmbot.emulator.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(emulator);
        noClasses().should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("pdmbot..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("pdmbot.emulator..")))
                .check(emulator);
    }

    @Test
    void features_never_import_adapters() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAPackage("pdmbot.adapters..")
                .check(classes);
    }

    @Test
    void adapters_never_import_storage() {
        noClasses().that().resideInAPackage("pdmbot.adapters..")
                .should().dependOnClassesThat().resideInAPackage("pdmbot.storage..")
                .check(classes);
    }

    @Test
    void only_the_composition_root_and_storage_build_jdbc_stores() {
        noClasses().that().resideOutsideOfPackages("pdmbot.storage..", "pdmbot.app..")
                .should().dependOnClassesThat().haveSimpleNameStartingWith("Jdbc")
                .check(classes);
    }

    @Test
    void every_public_exception_of_the_bot_rules_and_storage_extends_the_one_base() {
        // the emulator is a program of its own (EmulatorException); package-private control-flow signals are not failures
        classes().that().areAssignableTo(RuntimeException.class).and().arePublic()
                .and().resideOutsideOfPackage("pdmbot.emulator..")
                .should().beAssignableTo(pdmbot.domain.PdmBotException.class)
                .check(classes);
    }

    /** The feature packages: what a chat user asks about, and the chat core they answer through. */
    private static final String[] FEATURES = {"pdmbot.chat..", "pdmbot.run..", "pdmbot.ledger..", "pdmbot.classification..",
            "pdmbot.world..", "pdmbot.config..", "pdmbot.http.."};

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
