package bulletin.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.diag.BulletinException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@link AtomicFile.Batch}, step by step: a set A is current, set B replaces it; whichever step fails or is
 * killed, the folder holds A whole (after the next run's recovery where killed) or B whole, never a mixture.
 */
@Isolated("Faults: the fault is the program's one for every run in the JVM")
class AtomicFileTest {

    private static final String JSON = "bulletin.json";
    private static final String DOCX = "工作专报（第3期）.docx";
    private static final String XLSX = "推进情况统计表（第3期）.xlsx";
    private static final String PDF = "工作专报（第3期）.pdf";

    @TempDir
    Path dir;

    private void setA() throws IOException {
        for (String n : List.of(JSON, DOCX, XLSX, PDF)) {
            Files.writeString(dir.resolve(n), "A " + n);
        }
    }

    /** B replaces A: the documents first, the json last; A's PDF leaves with A. */
    private List<String> writeB(boolean keep) {
        AtomicFile.Batch b = new AtomicFile.Batch(dir, p -> p.getFileName().toString());
        for (String n : List.of(DOCX, XLSX, JSON)) {
            b.add(dir.resolve(n), ("B " + n).getBytes(StandardCharsets.UTF_8));
        }
        return b.commit(keep, List.of(dir.resolve(PDF)));
    }

    private Map<String, String> folder() throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                all.put(p.getFileName().toString(), Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? Files.readString(p) : "(not a file)");
            }
        }
        return all;
    }

    private void assertA() throws IOException {
        assertThat(folder()).isEqualTo(Map.of(JSON, "A " + JSON, DOCX, "A " + DOCX, XLSX, "A " + XLSX, PDF, "A " + PDF));
    }

    @ParameterizedTest(name = "{0} {1} fails, keep={2}")
    @CsvSource({
        "stage,   推进情况统计表（第3期）.xlsx, true",
        "journal, .bulletin.undo,              true",
        "keep,    工作专报（第3期）.docx,       true",
        "keep,    工作专报（第3期）.pdf,        true",
        "replace, 工作专报（第3期）.docx,       true",
        "replace, 推进情况统计表（第3期）.xlsx, true",
        "retire,  工作专报（第3期）.pdf,        true",
        "replace, bulletin.json,               true",
        "done,    ,                            true",
        "stage,   bulletin.json,               false",
        "keep,    bulletin.json,               false",
        "replace, 推进情况统计表（第3期）.xlsx, false",
        "retire,  工作专报（第3期）.pdf,        false",
        "replace, bulletin.json,               false",
        "done,    ,                            false",
    })
    void aFailureAtAnyStepPutsTheEarlierSetBack(String step, String file, boolean keep) throws IOException {
        setA();
        try (Faults f = Faults.failAt(step, file, "injected")) {
            assertThatThrownBy(() -> writeB(keep)).isInstanceOfSatisfying(BulletinException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(3);
                assertThat(e.getMessage()).contains("injected", "原有文件未改动");
            });
        }
        assertA();
    }

    @ParameterizedTest(name = "killed at {0} {1}, keep={2}")
    @CsvSource({
        "stage,   推进情况统计表（第3期）.xlsx, true",
        "journal, .bulletin.undo,              true",
        "keep,    推进情况统计表（第3期）.xlsx, true",
        "replace, 推进情况统计表（第3期）.xlsx, true",
        "retire,  工作专报（第3期）.pdf,        true",
        "replace, bulletin.json,               true",
        "done,    ,                            true",
        "keep,    bulletin.json,               false",
        "replace, 推进情况统计表（第3期）.xlsx, false",
        "replace, bulletin.json,               false",
        "done,    ,                            false",
    })
    void aKilledRunIsUndoneByTheNext(String step, String file, boolean keep) throws IOException {
        setA();
        try (Faults f = Faults.killAt(step, file)) {
            assertThatThrownBy(() -> writeB(keep)).isInstanceOf(Faults.Killed.class);
        }
        boolean journal = Files.exists(dir.resolve(AtomicFile.UNDO));
        assertThat(AtomicFile.Batch.recover(dir, p -> p.getFileName().toString())).isEqualTo(journal);
        assertA();
        assertThat(writeB(keep)).hasSize(keep ? 4 : 0);
        assertThat(folder()).containsEntry(JSON, "B " + JSON).containsEntry(DOCX, "B " + DOCX)
                .containsEntry(XLSX, "B " + XLSX).doesNotContainKey(PDF).doesNotContainKey(AtomicFile.UNDO);
        assertThat(folder().keySet()).noneMatch(n -> n.startsWith("."));
        if (keep) {
            assertThat(folder()).containsEntry("bulletin-旧1.json", "A " + JSON)
                    .containsEntry("工作专报（第3期）-旧1.pdf", "A " + PDF).hasSize(7);
        }
    }

    @Test
    void anEarlierKeptCopyIsNeverOverwrittenAndTheNextNumberIsTaken() throws IOException {
        setA();
        Files.writeString(dir.resolve("工作专报（第3期）-旧1.docx"), "the first bulletin");
        List<String> kept = writeB(true);
        assertThat(kept).contains(DOCX + " → 工作专报（第3期）-旧2.docx", JSON + " → bulletin-旧2.json");
        assertThat(dir.resolve("工作专报（第3期）-旧1.docx")).hasContent("the first bulletin");
        assertThat(dir.resolve("工作专报（第3期）-旧2.docx")).hasContent("A " + DOCX);
    }

    @Test
    void aJournalNamingFilesOutsideItsFolderIsIgnored() throws IOException {
        setA();
        Path outside = dir.resolveSibling(dir.getFileName() + "-outside.txt");
        Files.writeString(outside, "not ours");
        Files.writeString(dir.resolve(AtomicFile.UNDO), "remove\t\t../" + outside.getFileName() + "\n"
                + "restore\t../" + outside.getFileName() + "\t" + JSON + "\nremove\t\t" + JSON + "\n");
        AtomicFile.Batch.recover(dir, p -> p.getFileName().toString());
        assertThat(outside).hasContent("not ours");
        assertThat(dir.resolve(JSON)).doesNotExist(); // the one plain line was followed
        assertThat(dir.resolve(AtomicFile.UNDO)).doesNotExist();
        Files.delete(outside);
    }

    @Test
    void holdsComparesADocumentByItsEntriesNotItsDates() throws IOException {
        byte[] a = zip("<w:document xmlns:w=\"w\" xmlns:v=\"v\" xmlns:o=\"o\"><w:body/></w:document>", 0L);
        byte[] b = zip("<w:document xmlns:w=\"w\" xmlns:o=\"o\" xmlns:v=\"v\"><w:body/></w:document>", 86_400_000L);
        byte[] c = zip("<w:document xmlns:w=\"w\" xmlns:o=\"o\" xmlns:v=\"v\"><w:body>x</w:body></w:document>", 0L);
        Path f = dir.resolve(DOCX);
        Files.write(f, a);
        assertThat(a).isNotEqualTo(b);
        assertThat(AtomicFile.holds(f, b)).isTrue();
        assertThat(AtomicFile.holds(f, c)).isFalse();
        Files.writeString(f, "garbage");
        assertThat(AtomicFile.holds(f, b)).isFalse();
        Files.delete(f);
        Files.createDirectory(f);
        assertThat(AtomicFile.holds(f, b)).isFalse();
    }

    private static byte[] zip(String document, long time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e = new ZipEntry("word/document.xml");
            e.setTime(1_700_000_000_000L + time);
            z.putNextEntry(e);
            z.write(("<?xml version=\"1.0\"?>\n" + document).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
