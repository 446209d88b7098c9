package bulletin.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages' layering, checked on the compiled classes: data flows one way, {@code ingest → model → engine →
 * document / report}, with {@code service} orchestrating and {@code cli} on top. A wrong import fails the build;
 * {@link #aWrongImportIsCaught()} shows that it does.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = bulletin.testing.MainClasses.get(); // imported once for the test JVM
    }

    /** Who may use whom. The same rule is held against a deliberate violation below. */
    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInAnyPackage("bulletin..")
                .layer("cli").definedBy("bulletin.cli..")
                .layer("service").definedBy("bulletin.service..")
                .layer("document").definedBy("bulletin.document..")
                .layer("forms").definedBy("bulletin.forms..")
                .layer("report").definedBy("bulletin.report..")
                .layer("validate").definedBy("bulletin.validate..")
                .layer("engine").definedBy("bulletin.engine..")
                .layer("ingest").definedBy("bulletin.ingest..")
                .layer("workspace").definedBy("bulletin.workspace..")
                .layer("model").definedBy("bulletin.model..")
                .layer("diag").definedBy("bulletin.diag..")
                .layer("text").definedBy("bulletin.text..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("document").mayOnlyAccessLayers("model", "diag", "text")
                .whereLayer("forms").mayOnlyAccessLayers("model", "diag", "text")
                // The reports print validate's verdict; they see no reader.
                .whereLayer("report").mayOnlyAccessLayers("model", "diag", "text", "validate")
                .whereLayer("engine").mayOnlyAccessLayers("model", "diag", "text")
                .whereLayer("validate").mayOnlyAccessLayers("ingest", "workspace", "model", "diag", "text")
                .whereLayer("ingest").mayOnlyAccessLayers("workspace", "model", "diag", "text")
                .whereLayer("workspace").mayOnlyAccessLayers("model", "diag", "text")
                .whereLayer("model").mayOnlyAccessLayers("diag", "text")
                .whereLayer("diag").mayOnlyAccessLayers("text")
                .whereLayer("text").mayNotAccessAnyLayer();
    }

    @Test
    void importsFollowThePipeline() {
        layers().check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("bulletin.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void onlyTheCommandLineKnowsPicocli() {
        noClasses().that().resideOutsideOfPackage("bulletin.cli..").should().dependOnClassesThat()
                .resideInAPackage("picocli..").check(main);
    }

    /** docx4j and JAXB cost 1.5 s cold: only the document and generate may reach them. */
    @Test
    void theDocumentStackStaysInTheDocument() {
        noClasses().that().resideOutsideOfPackages("bulletin.document..", "bulletin.service..")
                .should().dependOnClassesThat().resideInAnyPackage("org.docx4j..", "jakarta.xml.bind..")
                .check(main);
    }

    /** Only a {@code main} method ends the process; everything else throws {@code BulletinException}. */
    @Test
    void onlyMainEndsTheProcess() {
        noClasses().should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("System.exit outside main") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getTarget().getOwner().isEquivalentTo(System.class)
                        && call.getName().equals("exit") && !call.getOrigin().getName().equals("main");
            }
        }).check(main);
    }

    /** The rule is not vacuous: a document class that reads a workbook itself is refused. */
    @Test
    void aWrongImportIsCaught() {
        JavaClasses withViolation = new ClassFileImporter().importClasses(
                bulletin.document.WrongImportFixture.class, bulletin.ingest.NotesReader.class);
        EvaluationResult result = layers().evaluate(withViolation);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("WrongImportFixture").contains("NotesReader"));
    }
}
