package bulletin.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample workspace is exactly what {@link MiluoSamples} makes: regenerated here and compared cell
 * by cell, so the samples stay reproducible. {@code -Dbulletin.writeSamples=true} rewrites them.
 */
class SamplesTest {

    static final Path SAMPLES = Path.of("samples/miluo-2026");

    @TempDir
    Path tmp;

    @Test
    void committedSamplesAreWhatTheGeneratorMakes() throws IOException {
        if (Boolean.getBoolean("bulletin.writeSamples")) {
            for (String sub : List.of("targets", "progress", "notes")) {
                deleteTree(SAMPLES.resolve(sub));
            }
            MiluoSamples.write(SAMPLES);
        }
        MiluoSamples.write(tmp);
        List<Path> made = files(tmp);
        assertThat(made).isNotEmpty();
        for (Path rel : made) {
            Path committed = SAMPLES.resolve(rel);
            assertThat(committed).as("samples/miluo-2026/%s is missing: run the generator", rel).exists();
            if (rel.toString().endsWith(".xlsx")) {
                assertThat(cells(committed)).as(rel.toString()).isEqualTo(cells(tmp.resolve(rel)));
            } else {
                assertThat(Files.readString(committed)).as(rel.toString()).isEqualTo(Files.readString(tmp.resolve(rel)));
            }
        }
        // Nothing extra under the generated folders either.
        for (String sub : List.of("targets", "progress", "notes")) {
            List<Path> committed = files(SAMPLES.resolve(sub));
            List<Path> expected = files(tmp.resolve(sub));
            assertThat(committed).as(sub).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void mayHasAMissingUnitAndMarchFollowsSeed001() throws IOException {
        assertThat(SAMPLES.resolve("progress/2026-05/2026-05_" + MiluoSamples.MISSING_IN_MAY + ".xlsx")).doesNotExist();
        assertThat(SAMPLES.resolve("progress/2026-04/2026-04_" + MiluoSamples.MISSING_IN_MAY + ".xlsx")).exists();
        assertThat(SAMPLES.resolve("notes/2026-05.md")).exists();
        // Seed 001: 新增城镇就业 1386 人 in March, reported by 市人社局.
        assertThat(cells(SAMPLES.resolve("progress/2026-03/2026-03_市人社局.xlsx")))
                .anyMatch(row -> row.startsWith("03-01|") && row.contains("城镇新增就业6000人|人|6000|1386|"));
    }

    /** Every non-empty cell of the visible and hidden sheets as "sheet!A1=value" lines, and each row's cells joined. */
    static List<String> cells(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sh : wb) {
                out.add("sheet " + sh.getSheetName() + " merged " + sh.getNumMergedRegions());
                for (Row r : sh) {
                    List<String> row = new ArrayList<>();
                    for (Cell c : r) {
                        String v = fmt.formatCellValue(c);
                        if (!v.isEmpty()) {
                            row.add(v);
                        }
                    }
                    out.add(String.join("|", row));
                }
            }
        }
        return out;
    }

    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
