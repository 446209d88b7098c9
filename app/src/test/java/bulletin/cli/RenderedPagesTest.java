package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bulletin.document.Pdf;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.RenderedPages;
import bulletin.testing.RenderedPages.Page;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.SecondCity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23 point 8 on the pages LibreOffice sets: the samples' March to June and the second city's June, each
 * converted to PDF once (one run of LibreOffice for all five) and read page by page. No page but a section's last
 * (the text's, or an appendix's) is under a third full; no upright page in mid-text ends three lines or more short;
 * no page ends with a heading; no turned page starts with the notes ("注：") of a table that ended on the page
 * before. Skipped where LibreOffice or pdftotext is not installed.
 */
class RenderedPagesTest {

    @TempDir
    static Path tmp;
    /** Each bulletin's name, its pages and its headings' texts. */
    static final Map<String, List<Page>> PAGES = new LinkedHashMap<>();
    static final Map<String, List<String>> HEADINGS = new LinkedHashMap<>();

    @BeforeAll
    static void generateAndRender() throws IOException, InterruptedException {
        Optional<Path> soffice = Pdf.soffice();
        assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        assumeTrue(pdftotext(), "pdftotext is not installed");
        Map<String, Path> docx = new LinkedHashMap<>();
        Path ws = SampleWorkspace.copyTo(tmp.resolve("samples"));
        for (int m = 3; m <= 6; m++) {
            Run r = Cli.in(ws, "generate", "--month", String.valueOf(m), "--date", "2026-0" + m + "-28",
                    "--skip-invalid");
            assertThat(r.code()).as(r.toString()).isZero();
            docx.put("示例" + m + "月", only(ws.resolve("out/2026-0" + m)));
        }
        Path second = tmp.resolve("临江");
        SecondCity.writeWorkspace(second);
        assertThat(Cli.in(second, "template", "--month", "6").code()).isZero();
        SecondCityTest.fillJune(second);
        Run r = Cli.in(second, "generate", "--month", "6", "--date", "2026-06-30");
        assertThat(r.code()).as(r.toString()).isZero();
        docx.put("临江6月", only(second.resolve("out/2026-06")));

        Path pdf = Files.createDirectories(tmp.resolve("pdf"));
        List<Path> copies = new ArrayList<>();
        for (var e : docx.entrySet()) {
            copies.add(Files.copy(e.getValue(), pdf.resolve(e.getKey() + ".docx")));
            HEADINGS.put(e.getKey(), headings(e.getValue()));
        }
        RenderedPages.convert(soffice.get(), copies, pdf);
        for (String name : docx.keySet()) {
            Path made = pdf.resolve(name + ".pdf");
            assertThat(made).as("LibreOffice made " + made).exists();
            PAGES.put(name, RenderedPages.read(made));
        }
    }

    @Test
    void noPageButASectionsLastIsUnderAThirdFull() {
        List<String> wrong = new ArrayList<>();
        PAGES.forEach((name, pages) -> {
            for (Page p : pages) {
                if (!lastOfSection(pages, p) && p.fill() < 1 / 3.0) {
                    wrong.add(name + " " + p);
                }
            }
        });
        assertThat(PAGES).isNotEmpty();
        assertThat(wrong).isEmpty();
    }

    @Test
    void noUprightPageInMidTextEndsThreeLinesOrMoreShort() {
        List<String> wrong = new ArrayList<>();
        PAGES.forEach((name, pages) -> {
            for (Page p : pages) {
                if (!p.landscape() && !lastOfSection(pages, p) && p.linesShort() >= 3) {
                    wrong.add(name + " " + p + "，空" + p.linesShort() + "行");
                }
            }
        });
        assertThat(PAGES).isNotEmpty();
        assertThat(wrong).isEmpty();
    }

    @Test
    void noPageEndsWithAHeadingOrTheFirstLineOfOne() {
        List<String> wrong = new ArrayList<>();
        PAGES.forEach((name, pages) -> {
            for (Page p : pages.subList(0, pages.size() - 1)) {
                String text = squeeze(p.text());
                String last = squeeze(p.last().text());
                for (String h : HEADINGS.get(name)) {
                    if (text.endsWith(h) || h.startsWith(last) && last.length() >= 4 && !h.equals(last)) {
                        wrong.add(name + " " + p + "，标题“" + h + "”");
                    }
                }
            }
        });
        assertThat(HEADINGS.values()).allMatch(h -> h.size() > 3);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theNotesStayOnTheirTablesPageAndNoPageHoldsOnlyNotes() {
        List<String> wrong = new ArrayList<>();
        int notes = 0;
        for (var e : PAGES.entrySet()) {
            for (Page p : e.getValue()) {
                notes += p.lines().stream().filter(l -> l.text().startsWith("注")).count();
                if (p.landscape() && p.first().text().startsWith("注")) {
                    wrong.add(e.getKey() + " " + p);
                }
            }
        }
        assertThat(notes).as("the appendices' notes are read").isGreaterThan(5);
        assertThat(wrong).isEmpty();
    }

    /** The text's last upright page, the last page of an appendix (before the next 附件's first) or the last. */
    static boolean lastOfSection(List<Page> pages, Page p) {
        if (p.number() == pages.size()) {
            return true;
        }
        Page next = pages.get(p.number());
        return p.landscape() != next.landscape() || next.landscape() && next.first().text().matches("附件\\s*\\d+");
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s", "");
    }

    /** The text of every heading of the .docx (Heading1–3), without spaces. */
    static List<String> headings(Path docx) throws IOException {
        String xml;
        try (ZipFile z = new ZipFile(docx.toFile())) {
            xml = new String(z.getInputStream(z.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        Pattern text = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>");
        for (String p : xml.split("<w:p[ >]")) {
            if (p.contains("w:val=\"Heading")) {
                StringBuilder b = new StringBuilder();
                Matcher m = text.matcher(p);
                while (m.find()) {
                    b.append(m.group(1));
                }
                out.add(squeeze(b.toString()));
            }
        }
        return out;
    }

    private static Path only(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".docx")).findFirst().orElseThrow();
        }
    }

    private static boolean pdftotext() {
        try {
            Process p = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
