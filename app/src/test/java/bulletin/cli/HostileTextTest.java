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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Hostile text in a workspace (issue 16): control characters wherever text comes from reach no document raw,
 * templates that never end are stopped, unit names make distinct, short, plain file names.
 */
class HostileTextTest {

    @TempDir
    Path ws;

    @BeforeEach
    void samples() throws IOException {
        SampleWorkspace.copyTo(ws);
    }

    private Cli.Run generate() {
        return Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
    }

    /** Every XML part of every .docx and .xlsx written for May, parsed; the text of word/document.xml. */
    private String wellFormedOutputs() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new DefaultHandler() {
            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        String document = null;
        List<Path> files;
        try (var s = Files.list(ws.resolve("out/2026-05"))) {
            files = s.filter(p -> p.toString().endsWith(".docx") || p.toString().endsWith(".xlsx")).toList();
        }
        assertThat(files).hasSize(2);
        for (Path file : files) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
                        byte[] xml = zip.readAllBytes();
                        try {
                            b.parse(new ByteArrayInputStream(xml));
                        } catch (SAXParseException x) {
                            throw new AssertionError(file.getFileName() + "!" + e.getName() + " is not well-formed: "
                                    + x.getMessage(), x);
                        }
                        if (e.getName().equals("word/document.xml")) {
                            document = new String(xml, StandardCharsets.UTF_8);
                        }
                    }
                }
            }
        }
        assertThat(document).isNotNull();
        return document;
    }

    @Test
    void controlCharactersInTheNotesReachNoDocument() throws Exception {
        Path notes = ws.resolve("notes/2026-05.md");
        Files.writeString(notes, Files.readString(notes).replace("市专班召开重点民生实事推进调度会",
                "市专班召开\u0001重点民生实事\u000B推进调度会\u000C\uFFFF"));
        Cli.Run run = generate();
        assertThat(run.code()).as(run.toString()).isZero();
        String doc = wellFormedOutputs();
        assertThat(doc).contains("市专班召开重点民生实事").doesNotContain("\u0001", "\u000B", "\u000C", "\uFFFF");
    }

    @Test
    void controlCharactersInABulletinYamlValueReachNoDocument() throws Exception {
        Path yaml = ws.resolve("bulletin.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("title: 汨罗市实现好惠民生增福祉的期盼工作专报",
                "title: \"汨罗市\\x01实现好惠民生\\v增福祉的期盼\\f工作专报\""));
        Cli.Run run = generate();
        assertThat(run.code()).as(run.toString()).isZero();
        String doc = wellFormedOutputs();
        assertThat(doc).contains("汨罗市实现好惠民生").doesNotContain("\u0001", "\u000B", "\u000C");
    }

    @Test
    void controlCharactersInAWorkspaceTemplateReachNoDocument() throws Exception {
        Files.createDirectories(ws.resolve("templates"));
        String ftl = Files.readString(Path.of("templates/bulletin.ftl"));
        Files.writeString(ws.resolve("templates/bulletin.ftl"), ftl.replace("@issue 第${issue}期",
                "@issue 第\u0001${issue}\u000B期\u0008") + "\n@p 结束\u0002语。\n");
        Cli.Run run = generate();
        assertThat(run.code()).as(run.toString()).isZero();
        String doc = wellFormedOutputs();
        assertThat(doc).contains("结束语。").doesNotContain("\u0001", "\u0002", "\u0008", "\u000B");
    }

    @Test
    void controlCharactersInAUnitsProgressCellReachNoDocument() throws Exception {
        // XML 1.1 lets a workbook carry control characters as character references; XML 1.0 does not.
        Path form = ws.resolve("progress/2026-05/2026-05_三江镇.xlsx");
        rewritePart(form, "xl/sharedStrings.xml", xml -> xml.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"")
                .replace("<t>整治工程陆续开工</t>", "<t>整治&#1;工程&#11;陆续&#12;开工</t>"));
        Cli.Run run = generate();
        assertThat(run.code()).as(run.toString()).isZero();
        String doc = wellFormedOutputs();
        assertThat(doc).contains("三江镇：整治工程").doesNotContain("\u0001", "\u000B", "\u000C");
    }

    private void templateIsStopped(String body, String why) throws IOException {
        Files.createDirectories(ws.resolve("templates"));
        Files.writeString(ws.resolve("templates/bulletin.ftl"), "@title ${title}\n" + body + "\n");
        Cli.Run run = generate();
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).as(run.toString()).contains("templates/bulletin.ftl:2: 错误: ").contains(why)
                .doesNotContain("Exception", "Error", "\tat ");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    @Test
    void aTemplateThatCallsItselfForEverIsStoppedWithItsLine() throws IOException {
        templateIsStopped("<#macro m><@m/></#macro><@m/>", "模板嵌套超过");
    }

    @Test
    void aTemplateThatWritesWithoutEndIsStoppedWithItsLine() throws IOException {
        templateIsStopped("<#list 1..999999999 as i>x</#list>", "模板生成的文字超过 4 MB");
    }

    /** Rewrites one part of a workbook in place. */
    static void rewritePart(Path file, String part, java.util.function.UnaryOperator<String> edit) throws IOException {
        byte[] in = Files.readAllBytes(file);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(in));
             ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                byte[] bytes = zin.readAllBytes();
                if (e.getName().equals(part)) {
                    String edited = edit.apply(new String(bytes, StandardCharsets.UTF_8));
                    assertThat(edited).as("the edit changed " + part).isNotEqualTo(new String(bytes, StandardCharsets.UTF_8));
                    bytes = edited.getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(bytes);
                zout.closeEntry();
            }
        }
        assertThat(found).as(part).isTrue();
        Files.write(file, out.toByteArray());
    }
}
