package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.TreeCopy;
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
        return wellFormedOutputs(ws);
    }

    private static String wellFormedOutputs(Path ws) throws Exception {
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

    /**
     * The samples with control characters put in each place text comes from (the notes, a bulletin.yaml value, a
     * workspace template, a unit's progress cell), generated once for the class: each of the four tests below
     * checks its own place in that one bulletin.
     */
    private static Path controlMay;
    private static Cli.Run controlRun;

    @TempDir
    static Path shared;

    private static synchronized Path controlMay() throws IOException {
        if (controlMay == null) {
            Path ws = SampleWorkspace.copyTo(shared.resolve("control-characters"));
            GeneratedSamples.addAprilTo(ws); // April's bulletin: May's run need not compute April again (not tested)
            Path notes = ws.resolve("notes/2026-05.md");
            Files.writeString(notes, Files.readString(notes).replace("市专班召开重点民生实事推进调度会",
                    "市专班召开\u0001重点民生实事\u000B推进调度会\u000C\uFFFF"));
            Path yaml = ws.resolve("bulletin.yaml");
            Files.writeString(yaml, Files.readString(yaml).replace("title: 汨罗市实现好惠民生增福祉的期盼工作专报",
                    "title: \"汨罗市\\x01实现好惠民生\\v增福祉的期盼\\f工作专报\""));
            Files.createDirectories(ws.resolve("templates"));
            String ftl = Files.readString(Path.of("templates/bulletin.ftl"));
            Files.writeString(ws.resolve("templates/bulletin.ftl"), ftl.replace("@issue 第${issue}期",
                    "@issue 第\u0001${issue}\u000B期\u0008") + "\n@p 结束\u0002语。\n");
            // XML 1.1 lets a workbook carry control characters as character references; XML 1.0 does not.
            Path form = ws.resolve("progress/2026-05/2026-05_三江镇.xlsx");
            rewritePart(form, "xl/sharedStrings.xml", xml -> xml.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"")
                    .replace("<t>整治工程陆续开工</t>", "<t>整治&#1;工程&#11;陆续&#12;开工</t>"));
            controlRun = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
            controlMay = ws;
        }
        return controlMay;
    }

    /** The word/document.xml of the bulletin generated with control characters in every place. */
    private static String controlDocument() throws Exception {
        Path ws = controlMay();
        assertThat(controlRun.code()).as(controlRun.toString()).isZero();
        return wellFormedOutputs(ws);
    }

    @Test
    void controlCharactersInTheNotesReachNoDocument() throws Exception {
        String doc = controlDocument();
        assertThat(doc).contains("市专班召开重点民生实事").doesNotContain("\u0001", "\u000B", "\u000C", "\uFFFF");
    }

    @Test
    void controlCharactersInABulletinYamlValueReachNoDocument() throws Exception {
        String doc = controlDocument();
        assertThat(doc).contains("汨罗市实现好惠民生").doesNotContain("\u0001", "\u000B", "\u000C");
    }

    @Test
    void controlCharactersInAWorkspaceTemplateReachNoDocument() throws Exception {
        String doc = controlDocument();
        assertThat(doc).contains("结束语。").doesNotContain("\u0001", "\u0002", "\u0008", "\u000B");
    }

    @Test
    void controlCharactersInAUnitsProgressCellReachNoDocument() throws Exception {
        String doc = controlDocument();
        assertThat(doc).contains("三江镇：整治工程").doesNotContain("\u0001", "\u000B", "\u000C");
    }

    private void templateIsStopped(String body, String why) throws IOException {
        // No chart: the run is stopped in the template, and the chart would be drawn beside it for nothing.
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
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
        // A kilobyte a turn: past the 4 MB of output in about 4,100 turns (a character a turn took 4.2 million,
        // the template's whole time), and still long before the 5,000,000 steps, so it is the output that stops it.
        templateIsStopped("<#list 1..999999999 as i>" + "x".repeat(1024) + "</#list>", "模板生成的文字超过 4 MB");
    }

    @Test
    void controlCharactersInTheTablesReachNoForm() throws Exception {
        Path targets = ws.resolve("targets/2026年省、岳阳市重点民生实事项目指标任务分解表.xlsx");
        rewritePart(targets, "xl/sharedStrings.xml", xml -> xml.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"")
                .replace("<t>新市街道</t>", "<t>新市&#1;街道</t>"));
        Cli.Run run = Cli.in(ws, "template", "--month", "7");
        assertThat(run.code()).as(run.toString()).isZero();
        Path form = ws.resolve("forms/2026-07/2026-07_新市街道.xlsx");
        StringBuilder all = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(form))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(all).contains("填报单位：新市街道").doesNotContain("\u0001", "_x0001_", "&#1;");
    }

    private static final String LONG = "汨罗市".repeat(25) + "镇"; // 76 characters, 228 bytes in UTF-8

    /** The sample's tables with units renamed: two that make one file name, a very long one, an RTL override. */
    private void hostileUnitNames() throws IOException {
        hostileUnitNames(ws);
    }

    private static void hostileUnitNames(Path ws) throws IOException {
        Path targets = ws.resolve("targets/2026年省、岳阳市重点民生实事项目指标任务分解表.xlsx");
        rewritePart(targets, "xl/sharedStrings.xml", xml -> xml.replace("<t>归义街道</t>", "<t>甲/乙镇</t>")
                .replace("<t>新市街道</t>", "<t>甲_乙镇</t>").replace("<t>大荆镇</t>", "<t>" + LONG + "</t>")
                .replace("<t>三江镇</t>", "<t>\u202E三江镇</t>"));
    }

    private List<String> forms(String month) throws IOException {
        return forms(ws, month);
    }

    private static List<String> forms(Path ws, String month) throws IOException {
        try (var s = Files.list(ws.resolve("forms/" + month))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The samples with hostile unit names and {@code template --month 7} run on them: made once, read only. */
    private static Path julyForms;
    private static Cli.Run julyRun;

    private static synchronized Path julyForms() throws IOException {
        if (julyForms == null) {
            Path ws = SampleWorkspace.copyTo(shared.resolve("hostile-names"));
            hostileUnitNames(ws);
            julyRun = Cli.in(ws, "template", "--month", "7");
            julyForms = ws;
        }
        return julyForms;
    }

    @Test
    void unitNamesThatMakeOneFileNameGetTwoFormsAndTheTerminalSaysSo(@TempDir Path july) throws IOException {
        // On a copy of the shared July: this test runs template a second time.
        TreeCopy.copy(julyForms(), july);
        Cli.Run run = julyRun;
        assertThat(run.code()).as(run.toString()).isZero();
        List<String> forms = forms(july, "2026-07");
        // 甲_乙镇 needed no change and keeps its name; 甲/乙镇 gets a stable suffix.
        assertThat(forms).contains("2026-07_甲_乙镇.xlsx")
                .anyMatch(f -> f.matches("2026-07_甲_乙镇-[0-9a-f]{8}\\.xlsx"));
        assertThat(run.out()).contains("“甲/乙镇”、“甲_乙镇” 作文件名时相同，已分别命名为 2026-07_甲_乙镇-");
        // The same names every time.
        Cli.Run again = Cli.in(july, "template", "--month", "7");
        assertThat(again.out()).contains("已存在、未覆盖 " + forms.size() + " 份");
        assertThat(forms(july, "2026-07")).isEqualTo(forms);
    }

    @Test
    void aLongUnitNameIsShortenedAndABidiOverrideLeavesNoTrace() throws IOException {
        Path july = julyForms();
        Cli.Run run = julyRun;
        assertThat(run.code()).as(run.toString()).isZero();
        List<String> forms = forms(july, "2026-07");
        assertThat(forms).contains("2026-07_三江镇.xlsx").noneMatch(f -> f.contains("\u202E"));
        String shortened = forms.stream().filter(f -> f.startsWith("2026-07_汨罗市")).findFirst().orElseThrow();
        assertThat(shortened).matches("2026-07_(汨罗市)+汨?罗?…[0-9a-f]{8}\\.xlsx");
        assertThat(shortened.codePointCount(0, shortened.length())).isLessThanOrEqualTo(8 + 60 + 5);
    }

    @Test
    void formsOfUnitsWithHostileNamesAreStillRecognisedWhenReturned() throws IOException {
        hostileUnitNames();
        assertThat(Cli.in(ws, "template", "--month", "5", "--force").code()).isZero();
        Path may = ws.resolve("progress/2026-05");
        try (var old = Files.list(may)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (String f : forms("2026-05")) {
            Files.copy(ws.resolve("forms/2026-05").resolve(f), may.resolve(f));
        }
        // The samples' platform counts name the original units: not what this test is about.
        Files.deleteIfExists(ws.resolve("platform/2026-05.xlsx"));
        Cli.Run run = Cli.in(ws, "validate", "--month", "5", "--format", "json");
        assertThat(run.out()).as(run.toString()).doesNotContain("unknown-reporter", "form-mismatch", "unique-error",
                "missing-unit", "reporter-normalised");
    }

    @Test
    void aFileNameWithALineBreakCannotForgeALineOfTheValidateReport() throws IOException {
        Path may = ws.resolve("progress/2026-05");
        Files.move(may.resolve("2026-05_三江镇.xlsx"), may.resolve("2026-05_三江镇.xlsx\n✓ 合格  伪造.xlsx"));
        Cli.Run run = Cli.in(ws, "validate", "--month", "5");
        assertThat(run.out()).as(run.toString()).doesNotContain("\n✓ 合格  伪造.xlsx")
                .contains("2026-05_三江镇.xlsx<U+000A>✓ 合格  伪造.xlsx");
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
