package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.SampleWorkspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} lays out the appendix tables and writes the xlsx copy while it words the bulletin, guessing
 * (in the itemised style) that the wording gives the appendix no 具体情况. A workspace template that does give some
 * in the itemised style has them in both documents all the same: what was begun on the guess is not taken.
 */
class AppendicesAheadTest {

    @TempDir
    Path tmp;

    @Test
    void anItemisedTemplateWithDetailsHasThemInBothDocuments() throws IOException {
        Path ws = SampleWorkspace.copyTo(tmp.resolve("ws"));
        String template;
        try (InputStream in = AppendicesAheadTest.class.getResourceAsStream("/templates/bulletin.ftl")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(ws.resolve("bulletin.yaml"))).doesNotContain("themes");
        Files.createDirectories(ws.resolve("templates"));
        Files.writeString(ws.resolve("templates/bulletin.ftl"), template
                + "\n<#list details as d>\n@detail ${d.code} 逐项说明${d.code}\n</#list>\n", StandardCharsets.UTF_8);

        // No chart: what is checked is the appendix's words in both documents (quicker).
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Cli.Run run = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(run.code()).as(run.toString()).isZero();

        Path out = ws.resolve("out/2026-05");
        String document = entry(only(out, "工作专报"), "word/document.xml");
        String strings = entry(only(out, "推进情况统计表"), "xl/sharedStrings.xml");
        // 02-02 is a 形象进度 indicator of the samples (52.25% in May): its 进度 row carries the words
        for (String text : new String[] {document, strings}) {
            assertThat(text).contains("逐项说明02-02").contains("逐项说明05-01");
        }
    }

    private static Path only(Path dir, String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            var found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertThat(found).as(prefix).hasSize(1);
            return found.get(0);
        }
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(zip + " has no " + name);
    }
}
