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
import bulletin.testing.SidewaysCity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * Issue 23 point 8 on the pages LibreOffice sets: the samples' March to June, the second city's June (临江) and
 * the sideways city's May (临湖), each converted to PDF once (one run of LibreOffice for all six) and read page by
 * page. No page but a section's last (the text's, or an appendix's) is under a third full; no upright page in
 * mid-text ends three lines or more short;
 * no page ends with a heading; no turned page starts with the notes ("注：") of a table that ended on the page
 * before. (A page may end short where what follows is the short paragraph DocxWriter keeps with the 附件 list and
 * the 落款, see {@link #beforeTheEnd}.) Skipped where LibreOffice or pdftotext is not installed.
 */
class RenderedPagesIT {

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
        docx.put("临湖5月", sidewaysMay(tmp.resolve("临湖")));

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
        // -Dbulletin.keepPdf=DIR keeps the PDFs (and the .docx) to look at.
        String keep = System.getProperty("bulletin.keepPdf", "");
        if (!keep.isBlank()) {
            Files.createDirectories(Path.of(keep));
            try (Stream<Path> s = Files.list(pdf)) {
                for (Path p : s.filter(p -> p.toString().matches(".*\\.(pdf|docx)")).toList()) {
                    Files.copy(p, Path.of(keep).resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
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
                if (!p.landscape() && !lastOfSection(pages, p) && p.linesShort() >= 3 && !beforeTheEnd(pages, p)) {
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

    /**
     * Whether the next page is the text's last and starts with what DocxWriter keeps with the 附件 list and the
     * 落款 (GB/T 9704: never on a page without text): a short paragraph and its heading, at most six lines before
     * "附件：". LibreOffice moves such a chain whole, so the page before may end short; that is the rule's price.
     */
    static boolean beforeTheEnd(List<Page> pages, Page p) {
        Page next = pages.get(p.number());
        if (!lastOfSection(pages, next) || next.landscape()) {
            return false;
        }
        for (int i = 0; i < next.lines().size() && i <= 6; i++) {
            if (next.lines().get(i).text().startsWith("附件")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theAttachmentsAndTheSignatureStandWithTextWhereTheLastParagraphIsShort() {
        List<String> wrong = new ArrayList<>();
        int ends = 0;
        for (var e : PAGES.entrySet()) {
            List<Page> pages = e.getValue();
            Page last = pages.stream().filter(p -> !p.landscape()).reduce((a, b) -> b).orElseThrow();
            ends++;
            if (last.first().text().startsWith("附件") && last.number() > 1) {
                // LibreOffice moves a paragraph kept with the next whole, so DocxWriter keeps only a short one
                // (at most four lines) with them: a longer one is the known exception.
                // The last paragraph's lines on the page before: up to its first, indented two characters.
                Page before = pages.get(last.number() - 2);
                double margin = before.lines().stream().mapToDouble(RenderedPages.Line::left).min().orElse(0);
                int tail = 0;
                for (int i = before.lines().size() - 1; i >= 0; i--) {
                    tail++;
                    if (before.lines().get(i).left() > margin + 16) {
                        break;
                    }
                }
                if (tail <= 4) {
                    wrong.add(e.getKey() + " " + last + "，上页末段" + tail + "行");
                }
            }
        }
        assertThat(ends).isEqualTo(PAGES.size());
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

    /** The sideways city (临湖, issue 22) with its May reported by every area, generated: its bulletin. */
    static Path sidewaysMay(Path w) throws IOException {
        SidewaysCity.writeWorkspace(w);
        assertThat(Cli.in(w, "template", "--month", "5").code()).isZero();
        SidewaysCity.fillMay(w);
        Run r = Cli.in(w, "generate", "--month", "5", "--require-all", "--date", "2026-05-28");
        assertThat(r.code()).as(r.toString()).isZero();
        return only(w.resolve("out/2026-05"));
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
