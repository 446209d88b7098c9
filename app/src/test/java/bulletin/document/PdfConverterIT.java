package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 point 8: the PDF converter's files live in the folder it is given (the workspace's own temporary
 * folder) and are removed, and a stuck converter is ended with every process it started. LibreOffice is played
 * by small shell scripts.
 */
class PdfConverterIT {

    @TempDir
    Path tmp;

    private Path work;
    private Path docx;

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh on this machine");
        work = Files.createDirectories(tmp.resolve("ws/.bulletin.tmp/pdf1"));
        docx = Files.writeString(tmp.resolve("工作专报（第3期）.docx"), "a document");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("bulletin.pdfTimeout");
    }

    private Path script(String body) throws IOException {
        Path s = tmp.resolve("soffice");
        Files.writeString(s, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    private List<Path> left() throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            return s.toList();
        }
    }

    @Test
    void aConversionRunsInTheGivenFolderAndLeavesNothingThere() throws IOException {
        Path seen = tmp.resolve("seen.txt");
        // as LibreOffice: the output folder follows --outdir, the document comes last
        Path s = script("""
                out=""; last=""
                while [ $# -gt 0 ]; do
                  if [ "$1" = "--outdir" ]; then out="$2"; shift; fi
                  last="$1"; shift
                done
                name=$(basename "$last" .docx)
                printf '%%PDF-1.4 made' > "$out/$name.pdf"
                echo "$TMPDIR" > '""" + seen + """
                '
                echo "$out" >> '""" + seen + """
                '
                touch "$TMPDIR/lu12345.tmp"
                """);
        byte[] pdf = Pdf.convert(s, docx, work);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.4 made");
        List<String> lines = Files.readAllLines(seen);
        assertThat(Path.of(lines.get(0))).isEqualTo(work);
        assertThat(Path.of(lines.get(1))).startsWithRaw(work);
        assertThat(left()).isEmpty();
    }

    @Test
    void aStuckConverterIsEndedWithTheProcessesItStartedAndItsFilesRemoved() throws Exception {
        Path pids = tmp.resolve("pids.txt");
        Path s = script("sleep 300 &\necho $! > '" + pids + "'\ntouch \"$TMPDIR/lock.tmp\"\nwait\n");
        System.setProperty("bulletin.pdfTimeout", "1");
        long start = System.nanoTime();
        assertThatThrownBy(() -> Pdf.convert(s, docx, work)).isInstanceOf(IOException.class)
                .hasMessageContaining("没有完成转换");
        assertThat((System.nanoTime() - start) / 1_000_000_000L).isLessThan(30);
        long child = Long.parseLong(Files.readString(pids).strip());
        // the converter's own child (the real office, for LibreOffice) is ended, not left running
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(left()).isEmpty();
    }

    @Test
    void aFailedConversionIsToldAndLeavesNothing() throws IOException {
        Path s = script("echo failing >&2\nexit 5\n");
        assertThatThrownBy(() -> Pdf.convert(s, docx, work)).isInstanceOf(IOException.class)
                .hasMessageContaining("退出码 5");
        assertThat(left()).isEmpty();
    }
}
