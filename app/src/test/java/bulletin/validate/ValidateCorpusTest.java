package bulletin.validate;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad inputs: one folder per case under {@code app/src/test/validate-cases/} with the input file
 * and {@code expected.txt}: the exit code, then one line per problem, "severity code place [words of the
 * message]" (place is sheet!cell, a sheet, or - for the file). {@code -Dbulletin.updateCorpus=true} writes the
 * folders from {@link BadInputs}.
 *
 * <p>{@code validate --month 5 FILE…} judges each file on its own (the model and last month's workbooks do not
 * depend on it) and says of each file what it says when given that file alone; with one file its exit code is
 * that file's verdict. So the real command runs once on all the cases' files, as JSON and as text, and each case
 * reads its own file's part of both: its problems, its verdict (the exit code it gives alone) and its section of
 * the text. Every 7th case, and each case that needs last month's workbook, also runs alone, as every case used
 * to, in a workspace holding only what that command reads (the target tables, bulletin.yaml and 归义街道's April
 * form): its exit code must be the expected one and its report the file's section of the run of all files.
 */
class ValidateCorpusTest {

    static final Path ROOT = Path.of("app/src/test/validate-cases");
    static final Path SAMPLES = Path.of("samples/miluo-2026");

    @TempDir
    static Path tmp;

    /** The run on all the cases' files: each file's JSON object and its section of the text, by file. */
    record All(Map<String, JsonNode> json, Map<String, String> text) {
    }

    private static All all;

    static Stream<String> cases() throws Exception {
        if (Boolean.getBoolean("bulletin.updateCorpus")) {
            var model = BadInputs.model(SAMPLES);
            for (var e : BadInputs.cases().entrySet()) {
                Path dir = ROOT.resolve(e.getKey());
                Files.createDirectories(dir);
                Files.write(dir.resolve(e.getValue().file()), e.getValue().maker().make(model));
                Files.writeString(dir.resolve("expected.txt"), e.getValue().expected() + "\n");
            }
        }
        return names().stream();
    }

    static List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Path input(String name) throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve(name))) {
            return s.filter(p -> !p.getFileName().toString().equals("expected.txt")).findFirst().orElseThrow();
        }
    }

    static List<String> expected(String name) throws IOException {
        return Files.readAllLines(ROOT.resolve(name).resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
    }

    /** The real command on every case's file at once (samples/miluo-2026, --month 5), as JSON and as text. */
    static synchronized All all() throws IOException {
        if (all != null) {
            return all;
        }
        List<String> args = new ArrayList<>(List.of("validate", "--month", "5"));
        boolean anyError = false;
        for (String name : names()) {
            args.add(input(name).toString());
            anyError |= expected(name).get(0).equals("exit 1");
        }
        List<String> asJson = new ArrayList<>(args);
        asJson.addAll(3, List.of("--format", "json"));
        Cli.Run json = Cli.in(SAMPLES, asJson.toArray(new String[0]));
        Cli.Run text = Cli.in(SAMPLES, args.toArray(new String[0]));
        // Every case is one of 归义街道's forms (or no form at all): together they are the unit's workbook several
        // times over, an error of the month (unique-error), so the run of all of them exits 1 either way.
        assertThat(anyError).isTrue();
        assertThat(json.code()).as(json.toString()).isEqualTo(1);
        assertThat(text.code()).as(text.toString()).isEqualTo(1);
        assertThat(json.err() + text.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("valid").asBoolean()).isFalse();
        Map<String, JsonNode> byFile = new LinkedHashMap<>();
        for (JsonNode f : root.get("files")) {
            assertThat(byFile.put(f.get("file").asText(), f)).as("file named twice").isNull();
        }
        assertThat(byFile).hasSize(args.size() - 3);
        all = new All(byFile, sections(text.out()));
        assertThat(all.text()).hasSize(args.size() - 3);
        return all;
    }

    /**
     * The text report cut into each file's section, by file: a good file's one line ("✓ 合格  FILE"), or the
     * file's name, its problems and its verdict; without the month's section and the summary line.
     */
    static Map<String, String> sections(String report) {
        Map<String, String> out = new LinkedHashMap<>();
        String file = null;
        StringBuilder section = new StringBuilder();
        for (String line : report.split("\n", -1)) {
            if (line.startsWith("  ")) {
                assertThat(file).as("a line outside a file's section: %s", line).isNotNull();
                section.append(line).append('\n');
                continue;
            }
            if (file != null) {
                out.put(file, section.toString());
            }
            if (line.isEmpty() || line.matches("\\d+月整体") || line.startsWith("共检查 ")) {
                break;
            }
            file = line.startsWith("✓ 合格  ") ? line.substring("✓ 合格  ".length()) : line;
            section = new StringBuilder(line).append('\n');
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputGetsItsSpecificMessageAndExitCode(String name) throws IOException {
        Path input = input(name);
        List<String> expected = expected(name);
        int exit = Integer.parseInt(expected.get(0).substring("exit ".length()));
        All run = all();

        // What the command says of this file, as JSON: its verdict (the exit code it gives alone) and problems.
        JsonNode file = run.json().get(input.toString());
        assertThat(file).as(name).isNotNull();
        assertThat(file.get("valid").asBoolean() ? 0 : 1).as("%s: exit code\n%s", name, file).isEqualTo(exit);
        List<String> actual = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (JsonNode p : file.get("problems")) {
            String where = p.get("sheet").isNull() ? "-"
                    : p.get("sheet").asText() + (p.get("cell").isNull() ? "" : "!" + p.get("cell").asText());
            actual.add(p.get("severity").asText() + " " + p.get("code").asText() + " " + where);
            messages.add(p.get("message").asText() + " " + p.path("found").asText("") + " "
                    + p.path("expected").asText(""));
        }
        List<String> want = new ArrayList<>();
        for (String line : expected.subList(1, expected.size())) {
            String[] f = line.split(" ", 4);
            want.add(f[0] + " " + f[1] + " " + f[2]);
            if (f.length == 4) {
                int i = actual.indexOf(f[0] + " " + f[1] + " " + f[2]);
                assertThat(i).as("%s: %s", name, line).isGreaterThanOrEqualTo(0);
                assertThat(messages.get(i)).as("%s: message of %s", name, line).contains(f[3]);
            }
        }
        assertThat(actual).as(name).containsExactlyInAnyOrderElementsOf(want);

        // What it says of this file as text.
        String text = run.text().get(input.toString());
        assertThat(text).as(name).isNotNull();
        assertThat(text.contains("✗ 不合格") ? 1 : 0).as("%s: verdict\n%s", name, text).isEqualTo(exit);
        assertThat(text).doesNotContain("Exception", "\tat ", "内部出错");
        assertThat(text).contains(exit == 0 ? "✓ 合格" : "✗ 不合格", input.getFileName().toString());

        List<String> names = names();
        if (names.indexOf(name) % 7 == 0 || String.join("\n", expected).matches("(?s).*(cumulative-decrease|missing-figure).*")) {
            Cli.Run alone = Cli.in(monthOfOne(), "validate", "--month", "5", input.toString());
            assertThat(alone.code()).as("%s alone\n%s", name, alone).isEqualTo(exit);
            assertThat(alone.err()).isEmpty();
            assertThat(FuzzTest.withoutSummary(alone.out())).as("%s alone", name).isEqualTo(text);
            assertThat(alone.out()).contains("共检查 1 个文件：" + (exit == 0 ? "1 个合格，0 个不合格" : "0 个合格，1 个不合格"));
        }
    }

    private static Path prepared;

    /** The workspace of {@link BadInputs#monthOfOne}, made once. */
    static synchronized Path monthOfOne() throws IOException {
        if (prepared == null) {
            prepared = BadInputs.monthOfOne(SAMPLES, tmp.resolve("month-of-one"));
        }
        return prepared;
    }
}
