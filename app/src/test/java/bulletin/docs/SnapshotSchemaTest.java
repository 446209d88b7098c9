package bulletin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SecondCity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schemas shipped in docs/ hold for real output: the samples' March–May {@code bulletin.json} (and June's,
 * published with {@code --skip-invalid}, for {@code excluded}), and {@code inspect --json} of the samples and of a
 * second city. A snapshot with a field of the wrong type or a missing one fails, so the schemas are not empty.
 */
class SnapshotSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path ws;

    static JsonSchema schema(String name) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs", name), StandardCharsets.UTF_8));
    }

    /** The suite's one generated March–June (GeneratedSamples.marchToJune: 3–5 valid, June with --skip-invalid). */
    @BeforeAll
    static void months() {
        ws = GeneratedSamples.marchToJune().workspace();
        for (Cli.Run r : GeneratedSamples.marchToJuneRuns()) {
            assertThat(r.code()).as(r.toString()).isZero();
        }
        assertThat(GeneratedSamples.marchToJuneRuns().get(3).out()).as("June published with --skip-invalid")
                .contains("未采用的数据");
    }

    static JsonNode snapshot(String month) throws IOException {
        return JSON.readTree(ws.resolve("out/" + month + "/bulletin.json").toFile());
    }

    @Test
    void theSamplesSnapshotsOfMarchToJuneHoldToTheSchema() throws IOException {
        JsonSchema schema = schema("bulletin.schema.json");
        for (String m : new String[] {"2026-03", "2026-04", "2026-05", "2026-06"}) {
            JsonNode s = snapshot(m);
            assertThat(schema.validate(s)).as(m).isEmpty();
        }
        assertThat(snapshot("2026-06").get("excluded")).as("June's left-out figures are checked too").isNotEmpty();
        assertThat(snapshot("2026-05").has("platform")).isTrue();
    }

    @Test
    void aSnapshotWithAWrongOrMissingFieldFails() throws IOException {
        JsonSchema schema = schema("bulletin.schema.json");
        ObjectNode wrong = (ObjectNode) snapshot("2026-05");
        ((ObjectNode) wrong.get("indicators").get(0).get("total")).put("status", "late");
        wrong.remove("late");
        Set<ValidationMessage> errors = schema.validate(wrong);
        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anyMatch(e -> e.contains("status")).anyMatch(e -> e.contains("late"));
    }

    @Test
    void inspectJsonHoldsToItsSchemaForTheSamplesAndASecondCity() throws IOException {
        JsonSchema schema = schema("inspect.schema.json");
        Cli.Run r = Cli.in(ws, "inspect", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(schema.validate(JSON.readTree(r.out()))).isEmpty();

        Path second = tmp.resolve("second");
        SecondCity.writeWorkspace(second);
        Cli.Run other = Cli.in(second, "inspect", "--json");
        assertThat(other.code()).as(other.toString()).isZero();
        JsonNode model = JSON.readTree(other.out());
        assertThat(model.get("units")).hasSize(SecondCity.UNITS.size() + 1);
        assertThat(schema.validate(model)).isEmpty();

        ((ObjectNode) model.get("indicators").get(0)).put("kind", "数量");
        assertThat(schema.validate(model)).isNotEmpty();
    }
}
