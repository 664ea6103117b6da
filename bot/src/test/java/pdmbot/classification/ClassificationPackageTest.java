package pdmbot.classification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Issue 11, item 5: classification uses the ledger, never the other way round. */
class ClassificationPackageTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("pdmbot.ledger", "pdmbot.classification");

    @Test
    void the_ledger_does_not_depend_on_classification() {
        noClasses().that().resideInAPackage("pdmbot.ledger..")
                .should().dependOnClassesThat().resideInAPackage("pdmbot.classification..")
                .check(classes);
    }

    @Test
    void ledger_and_classification_form_no_cycle() {
        slices().matching("pdmbot.(*)..").should().beFreeOfCycles().check(classes);
    }
}
