package bulletin.report;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.testing.GeneratedSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code generate} writes {@code bulletin.json} once: the text it read its snapshot back from is the file, not the
 * read-back snapshot written again. That holds only if writing a snapshot read back from JSON gives that JSON
 * again (every field kept, each decimal's scale, each map's order), which this test checks on generated months.
 */
class SnapshotJsonFixpointTest {

    @Test
    void aSnapshotReadBackWritesTheSameBytes() throws IOException {
        List<Path> files = snapshots(GeneratedSamples.marchToMay().workspace());
        files.addAll(snapshots(GeneratedSamples.may().workspace()));
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path f : files) {
            String json = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(SnapshotJson.write(SnapshotReader.parse(json))).as(f.toString()).isEqualTo(json);
        }
    }

    private static List<Path> snapshots(Path ws) throws IOException {
        try (Stream<Path> s = Files.walk(ws.resolve("out"))) {
            return new java.util.ArrayList<>(s.filter(p -> p.getFileName().toString().equals("bulletin.json"))
                    .sorted().toList());
        }
    }
}
