package bulletin.diag;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.ModelLoader;
import bulletin.ingest.ProgressReader;
import bulletin.model.IndicatorModel;
import bulletin.testing.Cli;
import bulletin.service.TemplateService;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.SecondCity;
import bulletin.workspace.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem code the main sources make is declared once in {@link ProblemCodes}, with the severity it is made
 * with; every declared code is made somewhere; the corpus of bad inputs uses them as declared; and one fact has
 * one code whichever path reads the workbook.
 */
class ProblemCodesTest {

    static final Path MAIN = Path.of("app/src/main/java");

    /** A code literal: lower-case words joined by hyphens, or one word (the severity-aware patterns only). */
    static final String CODE = "\"([a-z]+(?:-[a-z]+)*)\"";

    /**
     * The ways the sources make a problem with a known severity: {@code Problem.error("x"},
     * {@code problems.warning("x"}, {@code new Problem(Severity.ERROR, "x"}, {@code new Issue(Severity.WARNING,
     * "x"}, and {@code Validator}'s {@code warn(g, r, c, "x"}.
     */
    static final List<Pattern> MADE = List.of(
            Pattern.compile("\\b(error|warning)\\(\\s*" + CODE),
            Pattern.compile("Severity\\.(ERROR|WARNING),\\s*" + CODE),
            Pattern.compile("\\b(warn)\\([^;\"]*?,\\s*" + CODE));

    /** Any hyphenated literal: a code made some other way (through a variable) must still be declared. */
    static final Pattern HYPHENATED = Pattern.compile("\"([a-z]+(?:-[a-z]+)+)\"");

    /** Hyphenated literals of the main sources that are no problem codes. */
    static final Set<String> NOT_CODES = Set.of(
            "bulletin-warmup", "bulletin-lo", "bulletin-pdf",   // temporary folders' prefixes
            "not-scored", "on-schedule",                        // Status' JSON names
            "reporter-type",                                    // a key of the form's hidden sheet
            "bulletin-memory-guard");                           // a thread's name

    record Made(String code, Severity severity, String where) {
    }

    private static List<Made> madeOnce;
    private static Set<String> hyphenatedOnce;

    /** The codes the main sources make, scanned once for the class's three tests (they only read the list). */
    static synchronized List<Made> made() throws IOException {
        if (madeOnce == null) {
            madeOnce = List.copyOf(scanMade());
        }
        return madeOnce;
    }

    /** The main sources' hyphenated literals, scanned once for the class's two tests. */
    static synchronized Set<String> hyphenated() throws IOException {
        if (hyphenatedOnce == null) {
            hyphenatedOnce = java.util.Collections.unmodifiableSet(scanHyphenated());
        }
        return hyphenatedOnce;
    }

    private static List<Made> scanMade() throws IOException {
        List<Made> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String src = Files.readString(f);
                for (Pattern p : MADE) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        String how = m.group(1).toUpperCase(Locale.ROOT);
                        Severity s = how.startsWith("ERR") ? Severity.ERROR : Severity.WARNING;
                        int line = src.substring(0, m.start()).split("\n", -1).length;
                        out.add(new Made(m.group(2), s, MAIN.relativize(f) + ":" + line));
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> scanHyphenated() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.endsWith("ProblemCodes.java")) {
                    continue;
                }
                Matcher m = HYPHENATED.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    @Test
    void theScanFindsEveryWayOfMakingACode() throws IOException {
        // If the patterns stopped matching, every other test here would pass on nothing.
        List<Made> made = made();
        assertThat(made).extracting(Made::code)
                .contains("type-error", "percent-form", "outlier", "form-mismatch", "missing-unit", "hidden-value",
                        "no-target-table", "unexpected-value", "platform-missing-unit");
        assertThat(made).hasSizeGreaterThan(60);
    }

    @Test
    void everyCodeMadeIsDeclaredWithTheSeverityItIsMadeWith() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Made m : made()) {
            var declared = ProblemCodes.of(m.code());
            if (declared.isEmpty()) {
                wrong.add(m.where() + ": \"" + m.code() + "\" is not declared in ProblemCodes.ALL");
            } else if (declared.get().severity() != m.severity()) {
                wrong.add(m.where() + ": \"" + m.code() + "\" is made as " + m.severity() + " but declared "
                        + declared.get().severity());
            }
        }
        assertThat(wrong).as("add each code to bulletin.diag.ProblemCodes.ALL (one line), or use the declared one")
                .isEmpty();
    }

    @Test
    void everyHyphenatedLiteralIsADeclaredCodeOrKnownNotToBeOne() throws IOException {
        Set<String> unknown = new TreeSet<>(hyphenated());
        unknown.removeIf(c -> ProblemCodes.of(c).isPresent() || NOT_CODES.contains(c));
        assertThat(unknown).as("a code made another way (a variable?): declare it in ProblemCodes.ALL").isEmpty();
    }

    @Test
    void everyDeclaredCodeIsMadeSomewhere() throws IOException {
        Set<String> made = new LinkedHashSet<>();
        made().forEach(m -> made.add(m.code()));
        made.addAll(hyphenated());
        List<String> stale = ProblemCodes.ALL.stream().map(ProblemCodes.Code::code)
                .filter(c -> !made.contains(c)).toList();
        assertThat(stale).as("declared but never made: remove from ProblemCodes.ALL").isEmpty();
    }

    @Test
    void everyCodeIsDeclaredOnceWithAOneLineChineseMeaning() {
        Set<String> seen = new LinkedHashSet<>();
        for (ProblemCodes.Code c : ProblemCodes.ALL) {
            assertThat(seen.add(c.code())).as(c.code()).isTrue();
            assertThat(c.code()).matches("[a-z]+(-[a-z]+)*");
            assertThat(c.meaning()).as(c.code()).doesNotContain("\n", "|").matches(".*\\p{IsHan}.*");
        }
    }

    @Test
    void theCorpusOfBadInputsUsesTheCodesAsDeclared() throws IOException {
        List<String> wrong = new ArrayList<>();
        int lines = 0;
        try (Stream<Path> cases = Files.list(Path.of("app/src/test/validate-cases"))) {
            for (Path c : cases.sorted().toList()) {
                for (String line : Files.readAllLines(c.resolve("expected.txt"))) {
                    String[] w = line.split(" ");
                    if (w[0].equals("error") || w[0].equals("warning")) {
                        lines++;
                        Severity s = w[0].equals("error") ? Severity.ERROR : Severity.WARNING;
                        if (ProblemCodes.of(w[1]).map(ProblemCodes.Code::severity).orElse(null) != s) {
                            wrong.add(c.getFileName() + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(50);
        assertThat(wrong).isEmpty();
    }

    /**
     * A form of another month, and a second workbook of one unit, are the same fact whether the month's check
     * ({@code validate}) or the plain reader ({@code inspect --month}, the history) finds it: one code, one
     * severity. Before, the reader called them {@code month-mismatch} (a warning) and {@code duplicate-reporter}.
     */
    @Test
    void oneFactHasOneCodeInEveryPath(@TempDir Path tmp) throws IOException {
        Path ws = SampleWorkspace.copyTo(tmp.resolve("ws"));
        Path may = ws.resolve("progress/2026-05");
        Files.delete(may.resolve("2026-05_新市街道.xlsx"));
        Files.copy(ws.resolve("progress/2026-04/2026-04_新市街道.xlsx"), may.resolve("2026-04_新市街道.xlsx"));
        Files.copy(may.resolve("2026-05_三江镇.xlsx"), may.resolve("三江镇（修改版）.xlsx"));

        Cli.Run v = Cli.in(ws, "validate", "--month", "5", "--format", "json");
        assertThat(v.code()).as(v.toString()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(v.out());
        List<String> checked = new ArrayList<>();
        json.get("files").forEach(f -> f.get("problems").forEach(p -> checked.add(p.get("severity").asText() + " "
                + p.get("code").asText() + " " + f.get("file").asText())));
        json.get("general").forEach(p -> checked.add(p.get("severity").asText() + " " + p.get("code").asText()
                + " " + p.get("file").asText()));
        assertThat(checked).contains("error form-mismatch progress/2026-05/2026-04_新市街道.xlsx")
                .anyMatch(s -> s.startsWith("error unique-error ") && s.contains("三江镇"));

        Workspace w = Workspace.open(ws);
        IndicatorModel model = ModelLoader.load(w);
        List<String> read = ProgressReader.read(w, model, YearMonth.of(2026, 5)).problems().all().stream()
                .map(p -> p.severity().name().toLowerCase(Locale.ROOT) + " " + p.code() + " " + p.file()).toList();
        assertThat(read).contains("error form-mismatch progress/2026-05/2026-04_新市街道.xlsx")
                .anyMatch(s -> s.startsWith("error unique-error ") && s.contains("三江镇"));
        for (String r : read) {
            assertThat(ProblemCodes.of(r.split(" ")[1])).as(r).isPresent();
        }
    }

    /** The same on a second city: a form made for April, sent back in May's folder, by both paths. */
    @Test
    void aFormOfAnotherMonthIsOneFactInASecondCityToo(@TempDir Path tmp) throws IOException {
        Path ws = tmp.resolve("second");
        SecondCity.writeWorkspace(ws);
        TemplateService.writeForms(ws, "4", false);
        String unit = SecondCity.UNITS.get(1);
        String april = TemplateService.fileName(YearMonth.of(2026, 4), unit);
        Files.createDirectories(ws.resolve("progress/2026-05"));
        Files.copy(ws.resolve("forms/2026-04/" + april), ws.resolve("progress/2026-05/" + april));

        Cli.Run v = Cli.in(ws, "validate", "--month", "5", "--format", "json");
        assertThat(v.code()).as(v.toString()).isEqualTo(1);
        List<String> checked = new ArrayList<>();
        new ObjectMapper().readTree(v.out()).get("files").forEach(f -> f.get("problems").forEach(p ->
                checked.add(p.get("severity").asText() + " " + p.get("code").asText())));
        assertThat(checked).contains("error form-mismatch");

        Workspace w = Workspace.open(ws);
        List<String> read = ProgressReader.read(w, ModelLoader.load(w), YearMonth.of(2026, 5)).problems().all()
                .stream().map(p -> p.severity().name().toLowerCase(Locale.ROOT) + " " + p.code()).toList();
        assertThat(read).contains("error form-mismatch");
    }
}
