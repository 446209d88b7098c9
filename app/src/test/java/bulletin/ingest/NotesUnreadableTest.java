package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Problems;
import bulletin.model.Notes;
import bulletin.workspace.InputFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 point 6, at the reader: a notes file that cannot be read is a usage error (exit 2) naming it, never an
 * empty month of notes. The second city's notes (临江市, whose clerk writes 工作要闻 and 下步工作安排) are used here.
 */
class NotesUnreadableTest {

    private static final String SECOND_CITY = "# 工作要闻\n临江市东城区开展就业服务进社区活动。\n\n# 下步工作安排\n抓好水库除险加固。\n";

    @TempDir
    Path dir;

    private BulletinException refused(Path file) {
        Problems problems = new Problems();
        try {
            NotesReader.read(file, "notes/2026-05.md", problems);
        } catch (BulletinException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(problems.all()).isEmpty();
            return e;
        }
        throw new AssertionError("the notes were read: " + problems.all());
    }

    @Test
    void theSecondCitysNotesReadAsUtf8() throws IOException {
        Path f = Files.writeString(dir.resolve("2026-05.md"), SECOND_CITY);
        Notes n = NotesReader.read(f, "notes/2026-05.md", new Problems());
        assertThat(n.of(Notes.NEWS)).extracting(Notes.Paragraph::text).containsExactly("临江市东城区开展就业服务进社区活动。");
        assertThat(n.of(Notes.NEXT)).extracting(Notes.Paragraph::text).containsExactly("抓好水库除险加固。");
    }

    @Test
    void gbkIsNamedAsGbk() throws IOException {
        Path f = Files.write(dir.resolve("2026-05.md"), SECOND_CITY.getBytes(Charset.forName("GBK")));
        assertThat(refused(f).getMessage()).startsWith("notes/2026-05.md: 错误: 文件是 GBK 编码，请另存为 UTF-8");
    }

    @Test
    void utf16IsNamedAsUtf16() throws IOException {
        Path f = Files.write(dir.resolve("2026-05.md"), ("\uFEFF" + SECOND_CITY).getBytes(StandardCharsets.UTF_16LE));
        assertThat(refused(f).getMessage()).contains("文件是 UTF-16 编码，请另存为 UTF-8");
    }

    @Test
    void bytesOfNoKnownEncodingAreNotUtf8() throws IOException {
        Path f = Files.write(dir.resolve("2026-05.md"), new byte[] {'#', ' ', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertThat(refused(f).getMessage()).contains("notes/2026-05.md: 错误: 不是 UTF-8 编码的文本");
    }

    @Test
    void tooLargeIsRefusedByName() throws IOException {
        Path f = dir.resolve("2026-05.md");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(InputFiles.TEXT_CAP + 1);
        }
        assertThat(refused(f).getMessage()).contains("notes/2026-05.md: 错误: 文件过大");
    }

    @Test
    void aFolderIsRefusedByName() throws IOException {
        Path f = Files.createDirectories(dir.resolve("2026-05.md"));
        assertThat(refused(f).getMessage()).contains("notes/2026-05.md: 错误: 这是一个文件夹");
    }

    @Test
    void noFileIsNoNotes() {
        assertThat(NotesReader.read(dir.resolve("2026-06.md"), "notes/2026-06.md", new Problems()))
                .isSameAs(Notes.EMPTY);
    }

    @Test
    void aFileThatCannotBeOpenedIsRefusedByName() throws IOException {
        Path f = Files.writeString(dir.resolve("2026-05.md"), SECOND_CITY);
        org.junit.jupiter.api.Assumptions.assumeTrue(f.toFile().setReadable(false, false) && !Files.isReadable(f),
                "running as a user who reads every file");
        try {
            assertThat(refused(f).getMessage()).contains("notes/2026-05.md: 错误: 无法读取");
        } finally {
            f.toFile().setReadable(true, false);
        }
    }

    @Test
    void aMessageNeverComesWithoutTheFile() {
        assertThatThrownBy(() -> NotesReader.read(dir, "notes/2026-05.md", new Problems()))
                .isInstanceOf(BulletinException.class).hasMessageContaining("notes/2026-05.md");
    }
}
