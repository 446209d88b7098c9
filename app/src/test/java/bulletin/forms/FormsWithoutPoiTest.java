package bulletin.forms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The forms are written without POI (issue 24: POI cost 45 ms a form and its start-up, most of {@code template}'s
 * time at province size): nothing in {@code forms} uses POI or XMLBeans. {@code StartupIT} checks that a
 * {@code template} run loads neither; {@code FormXmlParityTest} that the forms are the ones POI wrote.
 */
class FormsWithoutPoiTest {

    @Test
    void nothingInFormsUsesPoi() {
        JavaClasses forms = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("bulletin.forms");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.apache.xmlbeans..")
                .check(forms);
    }
}
