package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.SampleWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands that make no document do not pay for the document stack: run in a fresh JVM, they load no class
 * of docx4j, JAXB, FreeMarker, JFreeChart, Java 2D or POI's XSSF (each costs hundreds of milliseconds to start).
 * {@code generate} is the control: it must load them, or this test would prove nothing.
 *
 * <p>The JVMs are independent processes, each with its own copy of the sample workspace and its own class log,
 * so they are started before the tests, two at a time (a starting JVM keeps about one core busy), and each test
 * waits for its own.
 */
class StartupIT {

    static final List<String> DOCUMENT_STACK = List.of("org.docx4j.", "jakarta.xml.bind.", "org.glassfish.jaxb.",
            "freemarker.", "org.jfree.", "java.awt.", "org.apache.poi.xssf.", "org.apache.xmlbeans.");

    static final List<String> NO_DOCUMENT = List.of("--help", "--version", "inspect", "inspect --month 5",
            "validate --month 6", "generate --help", "template --month 7 --force");
    static final List<String> DOCUMENT = List.of("generate --month 5 --date 2026-05-30 --force");

    @TempDir
    static Path ws;

    private static ExecutorService jvms;
    private static final Map<String, Future<List<String>>> LOADED = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        jvms = Executors.newFixedThreadPool(2);
        int n = 0;
        // The control first: it takes longest.
        for (String args : Stream.concat(DOCUMENT.stream(), NO_DOCUMENT.stream()).toList()) {
            Path copy = SampleWorkspace.copyTo(ws.resolve("ws" + n++));
            LOADED.put(args, jvms.submit(() -> loaded(copy, args)));
        }
    }

    @AfterAll
    static void stop() {
        jvms.shutdownNow(); // a JVM still running (a test failed early) is destroyed by its waiting thread
    }

    static Stream<String> noDocument() {
        return NO_DOCUMENT.stream();
    }

    static Stream<String> document() {
        return DOCUMENT.stream();
    }

    /** The classes the fresh JVM of this command line loaded, once it has ended. */
    private static List<String> loaded(String args) throws Exception {
        try {
            return LOADED.get(args).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw (Exception) e.getCause();
        }
    }

    /**
     * The classes a fresh JVM loads for one command line. The JVM runs with the launcher's JIT and collector
     * options ({@code ./bulletin}: quick tier only, serial GC), which start it in about half the time; they change
     * which of the JDK's own classes load (module graph, caches), never which of the program's or its libraries'.
     */
    private static List<String> loaded(Path workspace, String args) throws Exception {
        Path log = Files.createTempFile(ws, "classes", ".txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-w", workspace.toString()));
        cmd.addAll(List.of(args.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        assertThat(code).as(args).isIn(0, 1);
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(l -> l.replaceFirst("^\\[[^]]*\\]\\[info\\]\\[class,load\\] ", ""))
                    .map(l -> l.split(" ", 2)[0]).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("noDocument")
    void commandsThatMakeNoDocumentLoadNoneOfItsStack(String args) throws Exception {
        List<String> classes = loaded(args);
        assertThat(classes).as("classes loaded").hasSizeGreaterThan(300)
                .anyMatch(c -> c.startsWith("bulletin."));
        assertThat(classes).noneMatch(c -> DOCUMENT_STACK.stream().anyMatch(c::startsWith));
    }

    @ParameterizedTest
    @MethodSource("document")
    void generateDoesLoadIt(String args) throws Exception {
        List<String> classes = loaded(args);
        for (String stack : List.of("org.docx4j.", "freemarker.", "org.jfree.")) {
            assertThat(classes).as(stack).anyMatch(c -> c.startsWith(stack));
        }
        // The appendix workbook is written without POI.
        assertThat(classes).noneMatch(c -> c.startsWith("org.apache.poi.xssf.") || c.startsWith("org.apache.xmlbeans."));
    }

    /**
     * docx4j's start begins in {@code main} for a {@code generate}, on a thread of its own. In a heap too small it
     * fails there first: the run must still end as out of memory (exit 2, 内存不足), not as "could not initialize
     * class" (exit 70, a defect), which is what it did before the failure was handed on. With the launchers'
     * collector too, and in heaps where memory runs out at different places: 2 MiB while classes are still being
     * loaded (the watch's own message once failed there, with Java's stack trace), 8 MiB where the watch found the
     * heap too full to start (a spin of 11 s), 16 MiB where a class that could not be loaded once escaped as exit 1.
     */
    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseSerialGC -Xmx16m", "-XX:+UseParallelGC -Xmx2m",
        "-XX:+UseParallelGC -Xmx8m", "-XX:+UseParallelGC -Xmx16m"})
    void generateInAHeapTooSmallIsOutOfMemoryNotADefect(String heap) throws Exception {
        Path copy = SampleWorkspace.copyTo(ws.resolve("small-heap" + heap.replaceAll("[^0-9a-zA-Z]", "")));
        Path out = Files.createTempFile(ws, "small-heap", ".txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:NewRatio=7", "-XX:MaxTenuringThreshold=0", "-Dfile.encoding=UTF-8"));
        cmd.addAll(List.of(heap.split(" ")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "-w", copy.toString(),
                "generate", "--month", "5", "--date", "2026-05-30"));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("ended within a minute").isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        String said = Files.readString(out, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(said).isEqualTo(2);
        assertThat(said).contains("内存不足").doesNotContain("内部出错", "Could not initialize", "Exception", "at java.");
        assertThat(seconds).as("a spin is stopped, not waited out").isLessThan(20);
        try (Stream<Path> made = Files.walk(copy)) {
            assertThat(made.map(Path::toString)).as("no bulletin half-written").noneMatch(f -> f.endsWith(".docx"));
        }
    }

    @Test
    void onlyAGenerateThatWritesABulletinStartsDocx4jEarly() {
        assertThat(Main.writesABulletin(new String[] {"-w", "x", "generate", "--month", "5"})).isTrue();
        assertThat(Main.writesABulletin(new String[] {"generate", "--help"})).isFalse();
        assertThat(Main.writesABulletin(new String[] {"help", "generate"})).isFalse();
        assertThat(Main.writesABulletin(new String[] {"-w", "x", "validate", "--month", "5"})).isFalse();
    }
}
