package bulletin.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
            for (String sub : List.of("targets", "progress", "notes", "platform")) {
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
                // Where every part but the creation time is byte for byte the same, so are the cells: only the
                // workbooks that differ are read and compared cell by cell.
                if (!sameButCreationTime(committed, tmp.resolve(rel))) {
                    assertThat(cells(committed)).as(rel.toString()).isEqualTo(cells(tmp.resolve(rel)));
                }
            } else {
                assertThat(Files.readString(committed)).as(rel.toString()).isEqualTo(Files.readString(tmp.resolve(rel)));
            }
        }
        // Nothing extra under the generated folders either.
        for (String sub : List.of("targets", "progress", "notes", "platform")) {
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

    /** The part of a workbook that changes every time it is written: docProps/core.xml holds when it was made. */
    static final String CREATED = "docProps/core.xml";

    /** Whether two workbooks have the same parts with the same bytes, apart from {@link #CREATED}. */
    static boolean sameButCreationTime(Path a, Path b) throws IOException {
        Map<String, byte[]> pa = parts(a);
        Map<String, byte[]> pb = parts(b);
        if (pa == null || pb == null || !pa.keySet().equals(pb.keySet())) {
            return false;
        }
        return pa.entrySet().stream().allMatch(e -> e.getKey().equals(CREATED)
                || Arrays.equals(e.getValue(), pb.get(e.getKey())));
    }

    /** The parts by name, or null where a name comes twice (such a file is compared cell by cell). */
    private static Map<String, byte[]> parts(Path file) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (out.put(e.getName(), zip.readAllBytes()) != null) {
                    return null;
                }
            }
        }
        return out;
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
