package bulletin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of a bulletin as LibreOffice sets them: the .docx files converted to PDF in one run of LibreOffice, and
 * each page's lines of text with where they stand ({@code pdftotext -bbox-layout}). How full a page is is measured
 * from its lowest line of text against the text block of its orientation (GB/T 9704's 22 lines of 225 mm on an
 * upright page; the appendix tables' 22 mm margins on a turned one); the page number, outside the text block or
 * in the margin, does not count.
 */
public final class RenderedPages {

    /** Points in a twip. */
    private static final double PT = 1 / 20.0;
    /** The upright text block: 37 mm from the top, 22 lines of 579 twips. */
    public static final double TOP = 2098 * PT;
    public static final double LINE = 579 * PT;
    public static final int LINES = 22;
    /** The turned pages' margins (22 mm) and their text block's height. */
    public static final double LANDSCAPE_TOP = 1247 * PT;
    public static final double LANDSCAPE_HEIGHT = (11906 - 2 * 1247) * PT;

    /** A line of text: its words joined, its top and bottom in points from the page's top, and its left end. */
    public record Line(String text, double top, double bottom, double left) {
    }

    /** A page: its number from 1, its size in points and its lines of text, page number left out. */
    public record Page(int number, double width, double height, List<Line> lines) {

        public boolean landscape() {
            return width > height;
        }

        /** How full the text block is, 0 to 1, from the lowest line of text. */
        public double fill() {
            double bottom = lines.stream().mapToDouble(Line::bottom).max().orElse(landscape() ? LANDSCAPE_TOP : TOP);
            return landscape() ? (bottom - LANDSCAPE_TOP) / LANDSCAPE_HEIGHT : (bottom - TOP) / (LINE * LINES);
        }

        /** Grid lines of an upright page that the lowest line of text leaves empty below it. */
        public int linesShort() {
            return LINES - (int) Math.round(fill() * LINES);
        }

        public String text() {
            StringBuilder b = new StringBuilder();
            for (Line l : lines) {
                b.append(l.text()).append('\n');
            }
            return b.toString();
        }

        public Line first() {
            return lines.isEmpty() ? new Line("", 0, 0, 0) : lines.get(0);
        }

        public Line last() {
            return lines.isEmpty() ? new Line("", 0, 0, 0) : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "第" + number + "页（" + (landscape() ? "横" : "竖") + String.format("，%.0f%%满", fill() * 100)
                    + "）：首行“" + first().text() + "”，末行“" + last().text() + "”";
        }
    }

    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">");
    private static final Pattern LINE_TAG = Pattern.compile(
            "<line xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\">(.*?)</line>",
            Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("<word[^>]*>(.*?)</word>", Pattern.DOTALL);
    /** A page number: "— 3 —", upright or turned (then read a character a line, or backwards). */
    private static final Pattern FOLIO = Pattern.compile("[—\\-－\\s\\d]*");

    private RenderedPages() {
    }

    /** Converts every .docx in {@code docx} to PDF in {@code dir}, in one run of LibreOffice. */
    public static void convert(Path soffice, List<Path> docx, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(soffice.toString(),
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", dir.toString()));
        docx.forEach(d -> cmd.add(d.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("LibreOffice did not finish");
        }
    }

    /** The pages of {@code pdf}, read with pdftotext. */
    public static List<Page> read(Path pdf) throws IOException, InterruptedException {
        Path html = pdf.resolveSibling(pdf.getFileName() + ".html");
        Process p = new ProcessBuilder("pdftotext", "-bbox-layout", pdf.toString(), html.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("pdftotext failed on " + pdf);
        }
        return parse(Files.readString(html, StandardCharsets.UTF_8));
    }

    static List<Page> parse(String html) {
        List<Page> pages = new ArrayList<>();
        String[] parts = html.split("(?=<page )");
        for (String part : parts) {
            Matcher pm = PAGE.matcher(part);
            if (!pm.lookingAt()) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            Matcher lm = LINE_TAG.matcher(part);
            while (lm.find()) {
                StringBuilder text = new StringBuilder();
                Matcher wm = WORD.matcher(lm.group(4));
                while (wm.find()) {
                    text.append(text.length() > 0 ? " " : "").append(unescape(wm.group(1)));
                }
                String t = text.toString().trim();
                if (!t.isEmpty() && !FOLIO.matcher(t).matches()) {
                    lines.add(new Line(t, Double.parseDouble(lm.group(2)), Double.parseDouble(lm.group(3)),
                            Double.parseDouble(lm.group(1))));
                }
            }
            lines.sort((a, b) -> Double.compare(a.top(), b.top()));
            pages.add(new Page(pages.size() + 1, Double.parseDouble(pm.group(1)), Double.parseDouble(pm.group(2)),
                    lines));
        }
        return pages;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** Whether {@code tool} is an executable on the PATH. */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** What {@code command} prints (standard output and error together); it must exit 0. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
