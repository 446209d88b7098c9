package bulletin.forms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import bulletin.testing.MainClasses;
import org.junit.jupiter.api.Test;

/**
 * The forms are written without POI (issue 24: POI cost 45 ms a form and its start-up, most of {@code template}'s
 * time at province size): nothing in {@code forms} uses POI or XMLBeans. {@code StartupIT} checks that a
 * {@code template} run loads neither; {@code FormXmlParityTest} that the forms are the ones POI wrote.
 */
class FormsWithoutPoiTest {

    /** Checked on the program's classes as the suite imports them once (testing/MainClasses), forms' among them. */
    @Test
    void nothingInFormsUsesPoi() {
        noClasses().that().resideInAPackage("bulletin.forms..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.poi..", "org.apache.xmlbeans..").check(MainClasses.get());
    }
}
