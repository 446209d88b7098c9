package bulletin.testing;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.SnapshotIndicator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A workspace's month as a test looks at it: generate, its snapshot, its bulletin's words, its output files. */
public final class Month {

    private Month() {
    }

    /** {@code generate --month M --date 2026-0M-28 [more…]}. */
    public static Cli.Run generate(Path ws, int month, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--month", String.valueOf(month), "--date",
                String.format("2026-%02d-28", month)));
        args.addAll(List.of(more));
        return Cli.in(ws, args.toArray(new String[0]));
    }

    public static Snapshot snapshot(Path ws, int month) {
        return SnapshotReader.read(ws.resolve(String.format("out/2026-%02d/bulletin.json", month)), "bulletin.json");
    }

    public static SnapshotIndicator indicator(Snapshot s, String code) {
        return s.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    /** The files of {@code out/2026-MM/}; empty where the folder is not there. */
    public static List<String> outputs(Path ws, int month) throws IOException {
        Path dir = ws.resolve(String.format("out/2026-%02d", month));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The words of the month's bulletin: paragraphs, then the tables' cells (each as POI's getText gives it). */
    public static String bulletinText(Path ws, int month) throws IOException {
        Path dir = ws.resolve(String.format("out/2026-%02d", month));
        Path docx;
        try (Stream<Path> s = Files.list(dir)) {
            docx = s.filter(p -> p.getFileName().toString().endsWith(".docx")).findFirst().orElseThrow();
        }
        return DocxText.paragraphsAndTables(docx); // POI's words (held to them by SentencesTest), no POI parse
    }

    /**
     * {@code chart: false} added to the end of {@code ws}'s bulletin.yaml (made if there is none): the month is then
     * drawn without the chart, a third to a half of a {@code generate}'s time, for a test that never looks at it.
     */
    public static Path withoutChart(Path ws) throws IOException {
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return ws;
    }

    /** The sample workspace copied into {@code dir}, without the chart (quicker; nothing here is about it). */
    public static Path samples(Path dir) throws IOException {
        SampleWorkspace.copyTo(dir);
        Path yaml = dir.resolve("bulletin.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "\nchart: false\n");
        return dir;
    }
}
