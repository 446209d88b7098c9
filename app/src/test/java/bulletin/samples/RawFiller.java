package bulletin.samples;

import bulletin.forms.FormLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Fills a blank form as {@code testing/FormFiller} does (a number or a text typed into an indicator's blank input
 * cell), by editing the form's sheet and shared strings parts as text, exactly as POI's load, {@code setCellValue}
 * and {@code write} of the form leave them: a number as {@code t="n"} and {@code String.valueOf(double)}, a text
 * into the shared strings (an equal one there already reused), the counts raised, and the columns' attributes in
 * the order POI writes them. Every other part is the blank form's, byte for byte. Without a POI load and write of
 * each of the samples' 120-odd forms; {@code SamplesTest} holds what it makes to the committed samples, part for part.
 *
 * <p>Only what the samples' generator needs: a cell that is not the blank form's empty input cell is refused.
 */
public final class RawFiller {

    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String STRINGS = "xl/sharedStrings.xml";
    private static final Pattern SI = Pattern.compile("<si>(.*?)</si>");
    private static final Pattern CODE = Pattern.compile("<c r=\"" + (char) ('A' + FormLayout.COL_CODE)
            + "(\\d+)\"[^>]* t=\"s\"[^>]*><v>(\\d+)</v>");

    private final Map<String, byte[]> parts = new LinkedHashMap<>();
    private String sheet;
    private final String sst;
    /** Each shared string's XML (what is inside {@code <si>}) by its index: POI reuses an equal one. */
    private final Map<String, Integer> strings = new HashMap<>();
    private final StringBuilder added = new StringBuilder();
    private int count;
    private int unique;
    /** Each indicator code's row (1-based), as FormFiller.rowOf finds it: the first below the header. */
    private final Map<String, Integer> rows = new HashMap<>();

    public RawFiller(byte[] form) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(form))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        sheet = new String(parts.get(SHEET), StandardCharsets.UTF_8);
        sst = new String(parts.get(STRINGS), StandardCharsets.UTF_8);
        Matcher c = Pattern.compile("<sst count=\"(\\d+)\" uniqueCount=\"(\\d+)\"").matcher(sst);
        if (!c.find()) {
            throw new IllegalStateException("no counts in the shared strings");
        }
        count = Integer.parseInt(c.group(1));
        Matcher si = SI.matcher(sst);
        java.util.List<String> texts = new java.util.ArrayList<>();
        while (si.find()) {
            strings.putIfAbsent(si.group(1), texts.size());
            texts.add(si.group(1));
        }
        unique = texts.size();
        if (unique != Integer.parseInt(c.group(2))) {
            throw new IllegalStateException("the shared strings are not as counted");
        }
        Matcher code = CODE.matcher(sheet);
        while (code.find()) {
            int row = Integer.parseInt(code.group(1));
            String t = texts.get(Integer.parseInt(code.group(2)));
            if (row - 1 > FormLayout.HEADER_ROW && t.startsWith("<t>")) {
                rows.putIfAbsent(t.substring(3, t.length() - 4), row);
            }
        }
    }

    public RawFiller done(String code, BigDecimal v) {
        return number(code, FormLayout.COL_DONE, v);
    }

    public RawFiller percent(String code, BigDecimal v) {
        return number(code, FormLayout.COL_PERCENT, v);
    }

    public RawFiller note(String code, String text) {
        return text(code, FormLayout.COL_NOTE, text);
    }

    public RawFiller problem(String code, String text) {
        return text(code, FormLayout.COL_PROBLEM, text);
    }

    private RawFiller number(String code, int col, BigDecimal v) {
        if (v != null) {
            put(code, col, "n", String.valueOf(v.doubleValue()));
        }
        return this;
    }

    private RawFiller text(String code, int col, String text) {
        StringBuilder x = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch < 0x20 || ch == '>' || ch >= 0xFFFE) { // none in the samples' texts
                throw new IllegalArgumentException("a character the raw filler does not write: " + (int) ch);
            }
            x.append(ch == '<' ? "&lt;" : ch == '&' ? "&amp;" : String.valueOf(ch));
        }
        String si = !text.equals(text.strip()) ? "<t xml:space=\"preserve\">" + x + "</t>" : "<t>" + x + "</t>";
        Integer index = strings.get(si);
        if (index == null) {
            index = unique++;
            strings.put(si, index);
            added.append("<si>").append(si).append("</si>");
        }
        count++;
        put(code, col, "s", String.valueOf(index));
        return this;
    }

    /** The indicator's blank input cell given a type and a value, as POI writes it. */
    private void put(String code, int col, String type, String value) {
        Integer row = rows.get(code);
        if (row == null) {
            throw new IllegalArgumentException("no row for " + code);
        }
        String ref = (char) ('A' + col) + String.valueOf(row);
        Matcher m = Pattern.compile("<c r=\"" + ref + "\" s=\"(\\d+)\"/>").matcher(sheet);
        if (!m.find()) {
            throw new IllegalStateException(ref + " is not a blank input cell");
        }
        sheet = sheet.substring(0, m.start()) + "<c r=\"" + ref + "\" s=\"" + m.group(1) + "\" t=\"" + type + "\"><v>"
                + value + "</v></c>" + sheet.substring(m.end());
    }

    /** The filled form's bytes: its parts in their order, zipped. */
    public byte[] bytes() throws IOException {
        String cols = sheet.replaceAll("(<col min=\"\\d+\" max=\"\\d+\") (width=\"[^\"]*\") (customWidth=\"true\")",
                "$1 $3 $2");
        String strings = sst.replaceFirst("<sst count=\"\\d+\" uniqueCount=\"\\d+\"",
                "<sst count=\"" + count + "\" uniqueCount=\"" + unique + "\"").replace("</sst>", added + "</sst>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                byte[] data = e.getKey().equals(SHEET) ? cols.getBytes(StandardCharsets.UTF_8)
                        : e.getKey().equals(STRINGS) ? strings.getBytes(StandardCharsets.UTF_8) : e.getValue();
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
