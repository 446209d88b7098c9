package bulletin.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The program's own classes (not the tests') as ArchUnit reads them, imported once per test JVM: the architecture
 * checks of several test classes read the same compiled classes, and each import costs a few hundred milliseconds.
 */
public final class MainClasses {

    private static JavaClasses main;

    private MainClasses() {
    }

    /** Every class under {@code bulletin}, tests left out. */
    public static synchronized JavaClasses get() {
        if (main == null) {
            main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("bulletin");
        }
        return main;
    }
}
