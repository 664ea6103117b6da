package pdmbot.adapters;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Adapters translate; they hold no state of their own and depend on http, never the other way (issue 11, items 2 and 5). */
class AdaptersArchitectureTest {

    static final JavaClasses BOT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("pdmbot");

    @Test
    void adapters_do_not_import_storage() {
        noClasses().that().resideInAPackage("pdmbot.adapters..").should().dependOnClassesThat()
                .resideInAPackage("pdmbot.storage..").check(BOT);
    }

    @Test
    void http_knows_no_adapter() {
        noClasses().that().resideInAPackage("pdmbot.http..").should().dependOnClassesThat()
                .resideInAnyPackage("pdmbot.adapters..", "pdmbot.serve..", "com.slack..", "net.dv8tion..").check(BOT);
    }

    @Test
    void adapters_do_not_reach_back_into_what_wires_them() {
        noClasses().that().resideInAPackage("pdmbot.adapters..").should().dependOnClassesThat()
                .resideInAnyPackage("pdmbot.serve..", "pdmbot.cli..", "pdmbot.app..").check(BOT);
    }
}
