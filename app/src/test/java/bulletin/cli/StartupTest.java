package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.SampleWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands that make no document do not pay for the document stack: run in a fresh JVM, they load no class
 * of docx4j, JAXB, FreeMarker, JFreeChart, Java 2D or POI's XSSF (each costs hundreds of milliseconds to start).
 * {@code generate} is the control: it must load them, or this test would prove nothing.
 */
class StartupTest {

    static final List<String> DOCUMENT_STACK = List.of("org.docx4j.", "jakarta.xml.bind.", "org.glassfish.jaxb.",
            "freemarker.", "org.jfree.", "java.awt.", "org.apache.poi.xssf.", "org.apache.xmlbeans.");

    @TempDir
    static Path ws;

    @BeforeAll
    static void samples() throws IOException {
        SampleWorkspace.copyTo(ws);
    }

    /**
     * The classes a fresh JVM loads for one command line. The JVM runs with the launcher's JIT and collector
     * options ({@code ./bulletin}: quick tier only, serial GC), which start it in about half the time; they change
     * which of the JDK's own classes load (module graph, caches), never which of the program's or its libraries'.
     */
    private static List<String> loaded(String args) throws Exception {
        Path log = Files.createTempFile(ws.getParent(), "classes", ".txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-w", ws.toString()));
        cmd.addAll(List.of(args.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = p.waitFor();
        assertThat(code).as(args).isIn(0, 1);
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(l -> l.replaceFirst("^\\[[^]]*\\]\\[info\\]\\[class,load\\] ", ""))
                    .map(l -> l.split(" ", 2)[0]).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "inspect", "inspect --month 5", "validate --month 6",
        "generate --help"})
    void commandsThatMakeNoDocumentLoadNoneOfItsStack(String args) throws Exception {
        List<String> classes = loaded(args);
        assertThat(classes).as("classes loaded").hasSizeGreaterThan(300)
                .anyMatch(c -> c.startsWith("bulletin."));
        assertThat(classes).noneMatch(c -> DOCUMENT_STACK.stream().anyMatch(c::startsWith));
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate --month 5 --date 2026-05-30 --force"})
    void generateDoesLoadIt(String args) throws Exception {
        List<String> classes = loaded(args);
        for (String stack : List.of("org.docx4j.", "freemarker.", "org.jfree.")) {
            assertThat(classes).as(stack).anyMatch(c -> c.startsWith(stack));
        }
        // The appendix workbook is written without POI.
        assertThat(classes).noneMatch(c -> c.startsWith("org.apache.poi.xssf.") || c.startsWith("org.apache.xmlbeans."));
    }
}
