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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad inputs: one folder per case under {@code app/src/test/validate-cases/} with the input file
 * and {@code expected.txt}: the exit code, then one line per problem, "severity code place [words of the
 * message]" (place is sheet!cell, a sheet, or - for the file). {@code -Dbulletin.updateCorpus=true} writes the
 * folders from {@link BadInputs}.
 */
class ValidateCorpusTest {

    static final Path ROOT = Path.of("app/src/test/validate-cases");
    static final Path SAMPLES = Path.of("samples/miluo-2026");

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
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputGetsItsSpecificMessageAndExitCode(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        Path input;
        try (Stream<Path> s = Files.list(dir)) {
            input = s.filter(p -> !p.getFileName().toString().equals("expected.txt")).findFirst().orElseThrow();
        }
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        int exit = Integer.parseInt(expected.get(0).substring("exit ".length()));

        Cli.Run json = Cli.in(SAMPLES, "validate", "--month", "5", "--format", "json", input.toString());
        assertThat(json.code()).as(json.toString()).isEqualTo(exit);
        JsonNode file = new ObjectMapper().readTree(json.out()).get("files").get(0);
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

        Cli.Run text = Cli.in(SAMPLES, "validate", "--month", "5", input.toString());
        assertThat(text.code()).isEqualTo(exit);
        assertThat(text.out() + text.err()).doesNotContain("Exception", "\tat ", "内部出错");
        assertThat(text.out()).contains(exit == 0 ? "✓ 合格" : "✗ 不合格", input.getFileName().toString());
    }
}
