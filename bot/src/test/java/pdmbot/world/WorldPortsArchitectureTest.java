package pdmbot.world;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ports stay free of git and GitLab types so any implementation can stand behind them. */
class WorldPortsArchitectureTest {

    private final JavaClasses world = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("pdmbot.world");

    @Test
    void ports_do_not_use_jgit_or_gitlab4j() {
        noClasses().that().resideInAPackage("pdmbot.world")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit..", "org.gitlab4j..")
                .check(world);
    }

    @Test
    void ports_do_not_depend_on_their_implementations() {
        noClasses().that().resideInAPackage("pdmbot.world")
                .should().dependOnClassesThat().resideInAnyPackage("pdmbot.world.git..", "pdmbot.world.demo..", "pdmbot.world.local..")
                .check(world);
    }
}
