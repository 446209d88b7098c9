package bulletin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import bulletin.model.Kind;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, point 1: an indicator's kind carries its behaviour ({@link Kind}'s methods: level, cumulative,
 * progress, status, direction …), so no other class switches on the kind or compares it with a constant. Only
 * {@code ingest.Kinds}, which decides the kind, names the constants. (The template still compares {@code i.kind}
 * with the kinds' ids in FreeMarker; that is wording, not behaviour.)
 */
class KindBehaviourTest {

    /** Kind and its synthetic classes (the switch map of its own switches). */
    private static final String KIND = "bulletin\\.model\\.Kind(\\$.*)?";

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = bulletin.testing.MainClasses.get(); // imported once for the test JVM
    }

    @Test
    void noClassButKindAndTheGuessNamesAKindConstant() {
        noClasses().that().haveNameNotMatching(KIND)
                .and().doNotHaveFullyQualifiedName("bulletin.ingest.Kinds")
                .should().accessFieldWhere(com.tngtech.archunit.core.domain.JavaFieldAccess.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("Kind",
                                        o -> o.isEquivalentTo(Kind.class)))))
                .because("the kind's behaviour belongs to Kind; compare with its methods, not its constants")
                .check(main);
    }

    @Test
    void noClassSwitchesOnTheKind() {
        // A switch over an enum compiles to a call of its ordinal() (in a synthetic $SwitchMap class or inline).
        noClasses().that().haveNameNotMatching(KIND)
                .should().callMethod(Kind.class, "ordinal")
                .because("a switch on the kind outside Kind is behaviour in the wrong place")
                .check(main);
    }
}
