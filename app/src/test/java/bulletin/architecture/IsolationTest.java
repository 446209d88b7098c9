package bulletin.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Surefire runs two test classes at a time in one JVM (pom.xml). A class that changes what every run in the JVM
 * sees must not run beside another: the write fault of {@code workspace.Faults} (the program's one
 * {@code AtomicFile.fault}), {@code System.err} or {@code System.out}, a system property. Such a class says so, with
 * {@code @Isolated} (alone) or {@code @ResourceLock} (not beside another class holding the same lock).
 */
class IsolationTest {

    static final Path TESTS = Path.of("app/src/test/java");
    static final Pattern SHARED = Pattern.compile(
            "Faults\\.(failAt|killAt)\\(|System\\.set(Err|Out|In)\\(|System\\.(setProperty|clearProperty)\\(\"(?!java\\.awt\\.headless)");

    @Test
    void aClassThatChangesWhatTheWholeJvmSeesRunsAloneOrUnderALock() throws IOException {
        List<String> unmarked = new ArrayList<>();
        List<String> marked = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TESTS)) {
            for (Path p : s.filter(f -> f.toString().endsWith("Test.java")).sorted().toList()) {
                String src = Files.readString(p);
                if (!SHARED.matcher(src).find()) {
                    continue;
                }
                (src.contains("@Isolated(") || src.contains("@ResourceLock(") ? marked : unmarked)
                        .add(TESTS.relativize(p).toString());
            }
        }
        assertThat(unmarked).as("test classes that change the JVM's shared state without @Isolated or @ResourceLock")
                .isEmpty();
        // The scan finds what it looks for: the classes that inject write faults, replace System.err, set a property.
        assertThat(marked).contains("bulletin/workspace/AtomicFileTest.java", "bulletin/validate/FuzzTest.java",
                "bulletin/document/DocxLayoutTest.java");
    }
}
