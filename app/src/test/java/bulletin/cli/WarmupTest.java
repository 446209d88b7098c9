package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.SampleWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run: were a command to fail on the samples, the launcher would quietly run without its
 * class-data archive and every start would be slower.
 */
class WarmupTest {

    @Test
    void everyCommandRunsOnACopyAndTheSamplesAreLeftAlone(@TempDir Path ws) throws Exception {
        SampleWorkspace.copyTo(ws);
        Files.createDirectories(ws.resolve("out/2026-05"));
        Files.writeString(ws.resolve("out/2026-05/bulletin.json"), "not a snapshot");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        boolean ok = Warmup.train(ws, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(ok).as(log.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(ws.resolve("forms")).doesNotExist();
        assertThat(ws.resolve("out/2026-05")).isDirectoryContaining(p -> p.getFileName().toString().equals("bulletin.json"));
        assertThat(Files.readString(ws.resolve("out/2026-05/bulletin.json"))).isEqualTo("not a snapshot");
        try (var s = Files.list(ws.resolve("out/2026-05"))) {
            assertThat(s).hasSize(1);
        }
    }
}
