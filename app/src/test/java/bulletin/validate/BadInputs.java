package bulletin.validate;

import bulletin.forms.FormLayout;
import bulletin.ingest.ModelLoader;
import bulletin.model.FormContract;
import bulletin.model.IndicatorModel;
import bulletin.testing.FormFiller;
import bulletin.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The corpus of bad inputs for {@code validate}: each case is a mutation of 归义街道's valid May form (or a
 * broken file), with the problems it must produce. {@link ValidateCorpusTest} writes each case once into
 * {@code app/src/test/validate-cases/<case>/} (input file and expected.txt) and runs them all.
 */
final class BadInputs {

    static final String UNIT = "归义街道";
    static final YearMonth MAY = YearMonth.of(2026, 5);

    /** A case: how to make its input, and the expected lines ("exit N", "severity code cell [fragment]"). */
    record Case(String file, Maker maker, String expected) {
    }

    interface Maker {
        byte[] make(IndicatorModel model) throws Exception;
    }

    interface Edit {
        void edit(FormFiller f) throws Exception;
    }

    private BadInputs() {
    }

    static IndicatorModel model(Path samples) {
        return ModelLoader.load(Workspace.open(samples));
    }

    /**
     * A workspace holding what {@code validate --month 5 FILE} reads of {@code samples} for a file of 归义街道:
     * the target tables, bulletin.yaml and 归义街道's April form (last month's figures, for cumulative-decrease).
     * The command says of such a file there what it says in the whole sample workspace, without reading the
     * other 30 units' April forms.
     */
    static Path monthOfOne(Path samples, Path into) throws IOException {
        bulletin.testing.TreeCopy.copy(samples.resolve("targets"), into.resolve("targets"));
        Files.copy(samples.resolve("bulletin.yaml"), into.resolve("bulletin.yaml"));
        String april = "progress/2026-04/2026-04_" + UNIT + ".xlsx";
        bulletin.testing.TreeCopy.copy(samples.resolve(april), into.resolve(april));
        return into;
    }

    /** 归义街道's May form, filled with valid figures (those of the sample workspace). */
    static byte[] valid(IndicatorModel model) throws IOException {
        return Files.readAllBytes(Path.of("samples/miluo-2026/progress/2026-05/2026-05_归义街道.xlsx"));
    }

    static Maker form(Edit edit) {
        return model -> {
            try (FormFiller f = new FormFiller(valid(model))) {
                edit.edit(f);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                f.save(out);
                return out.toByteArray();
            }
        };
    }

    static int row(FormFiller f, String code) {
        return f.rowOf(code) + 1;
    }

    static XSSFCell cell(FormFiller f, String code, int col) {
        return f.workbook().getSheet(FormLayout.DATA_SHEET).getRow(f.rowOf(code))
                .getCell(col, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
    }

    /** Sets the value of an entry of the form's hidden sheet, found by its key. */
    static void meta(FormFiller f, String key, String value) {
        for (Row r : f.workbook().getSheet(FormContract.META_SHEET)) {
            if (r.getCell(0) != null && key.equals(r.getCell(0).getStringCellValue())) {
                r.getCell(1).setCellValue(value);
                return;
            }
        }
        throw new IllegalArgumentException("no entry " + key);
    }

    /**
     * A form as made by hand (or copied from last year's): without the hidden sheet, its reporter read from the
     * 填报单位 line, which says {@code line}.
     */
    static void byHand(FormFiller f, String line) {
        XSSFWorkbook wb = f.workbook();
        wb.removeSheetAt(wb.getSheetIndex(FormContract.META_SHEET));
        wb.getSheet(FormLayout.DATA_SHEET).getRow(1).getCell(0).setCellValue(line);
    }

    /** Rewrites the entries of a valid form's zip. */
    interface ZipEdit {
        void edit(Map<String, byte[]> entries);
    }

    static Maker zip(ZipEdit edit) {
        return model -> {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid(model)))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            edit.edit(entries);
            return zipOf(entries, null);
        };
    }

    static byte[] zipOf(Map<String, byte[]> entries, String duplicate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        byte[] bytes = out.toByteArray();
        if (duplicate != null) {
            // java.util.zip refuses duplicate names; rename a second entry in place instead (same length).
            String twin = duplicate.substring(0, duplicate.length() - 1) + "Q";
            String s = new String(bytes, StandardCharsets.ISO_8859_1).replace(twin, duplicate);
            bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        }
        return bytes;
    }

    static String sheetXml(Map<String, byte[]> entries) {
        return new String(entries.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
    }

    /** Rewrites one part of a valid form's zip, as text; an edit that changes nothing is a broken case. */
    static Maker part(String name, java.util.function.UnaryOperator<String> edit) {
        return zip(e -> e.put(name, changed(new String(e.get(name), StandardCharsets.UTF_8), edit)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static String changed(String before, java.util.function.UnaryOperator<String> edit) {
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalStateException("the edit found nothing to change");
        }
        return after;
    }

    /** The form's sheet ("进度填报") and its very hidden sheet ("_bulletin"). */
    static final String FORM_SHEET = "xl/worksheets/sheet1.xml";
    static final String META_SHEET = "xl/worksheets/sheet2.xml";

    /** {@code count} merged regions of two cells each, in columns K:L (beside the form), one per row. */
    static String merges(int count) {
        StringBuilder sb = new StringBuilder();
        for (int r = 1; r <= count; r++) {
            sb.append("<mergeCell ref=\"K").append(r).append(":L").append(r).append("\"/>");
        }
        return sb.toString();
    }

    static Map<String, Case> cases() {
        Map<String, Case> c = new LinkedHashMap<>();
        // --- figures -----------------------------------------------------------------------------------------
        c.put("text-approximate", new Case("input.xlsx", form(f -> f.text("03-05", FormLayout.COL_DONE, "约300")),
                "exit 1\nerror type-error 进度填报!F16 约300"));
        c.put("text-in-progress-words", new Case("input.xlsx", form(f -> f.text("03-05", FormLayout.COL_DONE, "正在推进")),
                "exit 1\nerror type-error 进度填报!F16 正在推进"));
        c.put("text-number-with-letters", new Case("input.xlsx", form(f -> f.text("03-05", FormLayout.COL_DONE, "12abc")),
                "exit 1\nerror type-error 进度填报!F16 12abc"));
        c.put("number-with-thousands-separator", new Case("input.xlsx",
                form(f -> f.text("03-05", FormLayout.COL_DONE, "1,200")),
                "exit 0\nwarning number-as-text 进度填报!F16 已按 1200 读取\nwarning outlier 进度填报!F16 12.0 倍"));
        c.put("full-width-digits", new Case("input.xlsx", form(f -> f.text("03-05", FormLayout.COL_DONE, "７０")),
                "exit 0\nwarning number-as-text 进度填报!F16 已按 70 读取"));
        c.put("number-with-stray-spaces", new Case("input.xlsx", form(f -> f.text("03-05", FormLayout.COL_DONE, " 75 ")),
                "exit 0\nwarning number-as-text 进度填报!F16 已按 75 读取"));
        c.put("percent-typed-as-text", new Case("input.xlsx", form(f -> f.text("02-02", FormLayout.COL_PERCENT, "62.5%")),
                "exit 0\nwarning number-as-text 进度填报!G10 已按 62.5 读取"));
        c.put("percent-as-fraction", new Case("input.xlsx", form(f -> f.percent("02-02", new BigDecimal("0.625"))),
                "exit 1\nwarning percent-form 进度填报!G10 62.5\nerror cumulative-decrease 进度填报!G10 如 62.5 表示 62.5%"));
        c.put("percent-formatted-fraction-is-fine", new Case("input.xlsx", form(f -> {
            XSSFCell cell = cell(f, "02-02", FormLayout.COL_PERCENT);
            CellStyle st = f.workbook().createCellStyle();
            st.cloneStyleFrom(cell.getCellStyle());
            st.setDataFormat(f.workbook().createDataFormat().getFormat("0.0%"));
            cell.setCellStyle(st);
            cell.setCellValue(0.625);
        }), "exit 0"));
        c.put("date-in-cumulative", new Case("input.xlsx", form(f -> {
            XSSFCell cell = cell(f, "03-05", FormLayout.COL_DONE);
            CellStyle st = f.workbook().createCellStyle();
            st.cloneStyleFrom(cell.getCellStyle());
            st.setDataFormat(f.workbook().createDataFormat().getFormat("yyyy/m/d"));
            cell.setCellStyle(st);
            cell.setCellValue(46145); // 2026-05-03, as Excel stores a date typed into the cell
        }), "exit 1\nerror type-error 进度填报!F16 2026-05-03"));
        c.put("date-in-progress", new Case("input.xlsx", form(f -> {
            XSSFCell cell = cell(f, "02-02", FormLayout.COL_PERCENT);
            CellStyle st = f.workbook().createCellStyle();
            st.cloneStyleFrom(cell.getCellStyle());
            st.setDataFormat((short) 14); // the built-in short date
            cell.setCellStyle(st);
            cell.setCellValue(46145);
        }), "exit 1\nerror type-error 进度填报!G10 填的是日期"));
        c.put("number-too-large", new Case("input.xlsx", form(f -> f.done("03-05", new BigDecimal("1E+308"))),
                "exit 1\nerror constraint-error 进度填报!F16 数字过大"));
        c.put("number-too-large-as-text", new Case("input.xlsx",
                form(f -> f.text("03-05", FormLayout.COL_DONE, "9".repeat(400))),
                "exit 1\nerror constraint-error 进度填报!F16 400 位整数"));
        c.put("number-beyond-what-excel-holds", new Case("input.xlsx", zip(e -> {
            String xml = sheetXml(e).replaceFirst("(<c r=\"F17\"[^>]*?)(/>|>.*?</c>)", "<c r=\"F17\"><v>1E+400</v></c>");
            e.put("xl/worksheets/sheet1.xml", xml.getBytes(StandardCharsets.UTF_8));
        }), "exit 1\nerror constraint-error 进度填报!F17 401 位整数"));
        c.put("negative-number", new Case("input.xlsx", form(f -> f.done("03-05", new BigDecimal("-5"))),
                "exit 1\nerror constraint-error 进度填报!F16 负数"));
        c.put("progress-above-100", new Case("input.xlsx", form(f -> f.percent("02-02", new BigDecimal("120"))),
                "exit 1\nerror constraint-error 进度填报!G10 超过 100"));
        c.put("cumulative-below-last-month", new Case("input.xlsx", form(f -> f.done("03-05", new BigDecimal("20"))),
                "exit 1\nerror cumulative-decrease 进度填报!F16 上月 60"));
        c.put("far-above-target", new Case("input.xlsx", form(f -> f.done("04-02", new BigDecimal("25"))),
                "exit 0\nwarning outlier 进度填报!F18 12.5 倍"));
        c.put("formula-with-error", new Case("input.xlsx", zip(e -> {
            String xml = sheetXml(e).replaceFirst("(<c r=\"F17\"[^>]*?)(/>|>.*?</c>)",
                    "<c r=\"F17\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>");
            e.put("xl/worksheets/sheet1.xml", xml.getBytes(StandardCharsets.UTF_8));
        }), "exit 1\nerror formula-error 进度填报!F17 出错的公式"));
        c.put("formula-without-saved-result", new Case("input.xlsx", zip(e -> {
            String xml = sheetXml(e).replaceFirst("(<c r=\"F17\"[^>]*?)(/>|>.*?</c>)", "<c r=\"F17\"><f>SUM(E17,1)</f></c>");
            e.put("xl/worksheets/sheet1.xml", xml.getBytes(StandardCharsets.UTF_8));
        }), "exit 1\nerror formula-error 进度填报!F17 没有保存计算结果"));
        c.put("formula-with-empty-saved-result", new Case("input.xlsx", zip(e -> {
            String xml = sheetXml(e).replaceFirst("(<c r=\"F17\"[^>]*?)(/>|>.*?</c>)",
                    "<c r=\"F17\"><f>SUM(E17,1)</f><v></v></c>");
            e.put("xl/worksheets/sheet1.xml", xml.getBytes(StandardCharsets.UTF_8));
        }), "exit 1\nerror formula-error 进度填报!F17 重新计算并保存"));
        c.put("value-in-hidden-row", new Case("input.xlsx", form(f -> {
            f.workbook().getSheet(FormLayout.DATA_SHEET).getRow(f.rowOf("03-05")).setZeroHeight(true);
        }), "exit 0\nwarning hidden-value 进度填报!A16 隐藏"));
        c.put("value-in-hidden-sheet", new Case("input.xlsx", form(f -> {
            XSSFSheet s = f.workbook().createSheet("草稿");
            s.createRow(0).createCell(0).setCellValue("03-05 实际完成 40");
            f.workbook().setSheetVisibility(f.workbook().getSheetIndex(s), SheetVisibility.HIDDEN);
        }), "exit 0\nwarning hidden-value 草稿 隐藏的工作表"));
        c.put("value-in-wrong-column", new Case("input.xlsx", form(f -> f.done("02-02", new BigDecimal("3"))),
                "exit 0\nwarning unexpected-value 进度填报!F10 形象进度"));
        // --- forms edited by hand (issue 21): every figure from its own cell, or a named problem ---------------
        c.put("figure-left-blank", new Case("input.xlsx",
                form(f -> cell(f, "03-05", FormLayout.COL_DONE).setBlank()),
                "exit 1\nerror missing-figure 进度填报!F16 上月为 60"));
        c.put("quantity-falls-below-one", new Case("input.xlsx", form(f -> f.done("03-05", new BigDecimal("0.5"))),
                "exit 1\nerror cumulative-decrease 进度填报!F16 上月 60"));
        c.put("percent-as-decimal-below-last-month", new Case("input.xlsx",
                form(f -> f.percent("02-02", new BigDecimal("0.62"))),
                "exit 1\nwarning percent-form 进度填报!G10 62\nerror cumulative-decrease 进度填报!G10 上月 50"));
        c.put("quantity-one-column-over", new Case("input.xlsx", form(f -> {
            cell(f, "03-05", FormLayout.COL_DONE).setBlank();
            f.percent("03-05", new BigDecimal("66"));
        }), "exit 1\nerror wrong-column 进度填报!G16 “累计完成”列是空的"));
        c.put("progress-one-column-over", new Case("input.xlsx", form(f -> {
            cell(f, "02-02", FormLayout.COL_PERCENT).setBlank();
            f.done("02-02", new BigDecimal("62"));
        }), "exit 1\nerror wrong-column 进度填报!F10 “形象进度（%）”列是空的"));
        c.put("input-cells-merged", new Case("input.xlsx", form(f -> {
            cell(f, "04-02", FormLayout.COL_DONE).setBlank();
            f.workbook().getSheet(FormLayout.DATA_SHEET).addMergedRegion(
                    new org.apache.poi.ss.util.CellRangeAddress(row(f, "04-01") - 1, row(f, "04-02") - 1,
                            FormLayout.COL_DONE, FormLayout.COL_DONE));
        }), "exit 1\nerror merged-input 进度填报!F17 F17:F18\nerror merged-input 进度填报!F18 F17:F18"));
        c.put("column-of-last-month-inserted", new Case("input.xlsx", form(f -> {
            XSSFSheet s = f.workbook().getSheet(FormLayout.DATA_SHEET);
            s.shiftColumns(FormLayout.COL_DONE, FormLayout.COL_PROBLEM, 1);
            s.getRow(FormLayout.HEADER_ROW).getCell(FormLayout.COL_DONE, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                    .setCellValue("上月累计完成");
            cell(f, "03-05", FormLayout.COL_DONE).setCellValue(60);
            cell(f, "04-01", FormLayout.COL_DONE).setCellValue(1.68);
        }), "exit 1\nerror ambiguous-column 进度填报!F4 上月累计完成"));
        c.put("draft-sheet-kept-before-the-form", new Case("input.xlsx", form(f -> {
            XSSFWorkbook wb = f.workbook();
            XSSFSheet draft = wb.cloneSheet(wb.getSheetIndex(FormLayout.DATA_SHEET), "4月底稿");
            wb.setSheetOrder("4月底稿", 0);
            wb.setActiveSheet(1);
            wb.setSelectedTab(1);
            draft.getRow(f.rowOf("03-05")).getCell(FormLayout.COL_DONE).setCellValue(60);
        }), "exit 1\nerror ambiguous-sheet 4月底稿!A4 “进度填报”"));
        c.put("dangling-shared-string", new Case("input.xlsx", part(FORM_SHEET, x -> x.replaceFirst(
                "<c r=\"F16\"[^>]*?(/>|>.*?</c>)", "<c r=\"F16\" t=\"s\"><v>99999</v></c>")),
                "exit 1\nerror damaged-cell 进度填报!F16 无法读取"));
        c.put("dangling-shared-string-in-a-note", new Case("input.xlsx", part(FORM_SHEET, x -> x.replaceFirst(
                "<c r=\"H16\"[^>]*?(/>|>.*?</c>)", "<c r=\"H16\" t=\"s\"><v>99999</v></c>")),
                "exit 1\nerror damaged-cell 进度填报!H16 无法读取"));
        c.put("dangling-shared-string-in-a-code", new Case("input.xlsx", part(FORM_SHEET, x -> x.replaceFirst(
                "<c r=\"A16\"[^>]*?(/>|>.*?</c>)", "<c r=\"A16\" t=\"s\"><v>99999</v></c>")),
                "exit 1\nerror damaged-cell 进度填报!A16 无法读取\nerror missing-indicator 进度填报 03-05"));
        // --- the form itself ---------------------------------------------------------------------------------
        c.put("form-of-another-month", new Case("input.xlsx", form(f -> meta(f, FormContract.KEY_MONTH, "2026-04")),
                "exit 1\nerror form-mismatch - 4月的填报表"));
        c.put("form-of-unknown-unit", new Case("input.xlsx", form(f -> meta(f, FormContract.KEY_REPORTER, "某某镇")),
                "exit 1\nerror form-mismatch - 某某镇"));
        c.put("reporter-with-office-suffix", new Case("input.xlsx", form(f -> byHand(f, "填报单位：归义街道办事处")),
                "exit 0\nwarning form-version -\nwarning reporter-normalised 进度填报!A2 “归义街道办事处”按“归义街道”读取"));
        c.put("reporter-with-rtl-mark", new Case("input.xlsx", form(f -> byHand(f, "填报单位：归义\u200F街道")),
                "exit 0\nwarning form-version -\nwarning reporter-normalised 进度填报!A2 归义<U+200F>街道"));
        c.put("reporter-with-zero-width-space", new Case("input.xlsx",
                form(f -> meta(f, FormContract.KEY_REPORTER, "归义街道\u200B")),
                "exit 0\nwarning reporter-normalised _bulletin!B2 归义街道<U+200B>"));
        // A form copied into a new workbook (no hidden sheet) whose 填报月份 line says April: refused in May.
        c.put("form-of-another-month-by-hand", new Case("input.xlsx", form(f -> {
            byHand(f, "填报单位：归义街道");
            f.workbook().getSheet(FormLayout.DATA_SHEET).getRow(1).getCell(4).setCellValue("填报月份：2026年4月");
        }), "exit 1\nwarning form-version -\nerror form-mismatch 进度填报!E2 4月的填报表"));
        c.put("reporter-unknown-by-hand", new Case("input.xlsx", form(f -> byHand(f, "填报单位（盖章）：某某街道办事处")),
                "exit 1\nwarning form-version -\nerror form-mismatch - 某某街道办事处"));
        c.put("form-of-another-version", new Case("input.xlsx", form(f -> meta(f, FormContract.KEY_VERSION, "bulletin-form/0")),
                "exit 1\nerror form-mismatch - 版本"));
        c.put("form-of-other-targets", new Case("input.xlsx",
                form(f -> meta(f, FormContract.KEY_FINGERPRINT, "0123456789abcdef")),
                "exit 0\nwarning form-outdated _bulletin!B5 bulletin template 重新生成"));
        c.put("locked-target-changed", new Case("input.xlsx", form(f -> {
            cell(f, "03-05", FormLayout.COL_TARGET).setCellValue(50);
        }), "exit 1\nerror locked-changed 进度填报!E16 指标表中是 100"));
        c.put("unknown-indicator", new Case("input.xlsx", form(f -> {
            cell(f, "18-01", FormLayout.COL_CODE).setCellValue("19-01");
        }), "exit 1\nerror unknown-indicator 进度填报!A51 19-01\nerror missing-indicator 进度填报 18-01"));
        c.put("missing-indicator", new Case("input.xlsx", form(f -> {
            XSSFSheet s = f.workbook().getSheet(FormLayout.DATA_SHEET);
            s.removeRow(s.getRow(f.rowOf("04-02")));
        }), "exit 1\nerror missing-indicator 进度填报 04-02"));
        c.put("duplicated-indicator", new Case("input.xlsx", form(f -> {
            cell(f, "04-02", FormLayout.COL_CODE).setCellValue("04-01");
        }), "exit 1\nerror unique-error 进度填报!A18 两次\nerror missing-indicator 进度填报 04-02"));
        c.put("no-form-sheet", new Case("input.xlsx", model -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("归义街道 5月 就业 300 人");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                return out.toByteArray();
            }
        }, "exit 1\nerror no-form-sheet - 找不到填报表"));
        // --- broken and hostile files ------------------------------------------------------------------------
        c.put("empty-file", new Case("input.xlsx", model -> new byte[0], "exit 1\nerror unreadable-workbook - 空的"));
        c.put("truncated-file", new Case("input.xlsx", model -> java.util.Arrays.copyOf(valid(model), 3000),
                "exit 1\nerror unreadable-workbook - 损坏或不完整"));
        c.put("csv-renamed", new Case("input.xlsx", model -> "编码,累计完成\n03-05,36\n".getBytes(StandardCharsets.UTF_8),
                "exit 1\nerror unreadable-workbook - 不是 Excel 工作簿"));
        c.put("html-renamed", new Case("input.xlsx",
                model -> "<html><body><table><tr><td>03-05</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8),
                "exit 1\nerror unreadable-workbook - HTML"));
        c.put("legacy-xls", new Case("input.xls", model -> {
            try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
                wb.createSheet("进度填报").createRow(0).createCell(0).setCellValue("编码");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                return out.toByteArray();
            }
        }, "exit 1\nerror unreadable-workbook - 旧版 Excel"));
        c.put("password-protected", new Case("input.xlsx", model -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
                Encryptor enc = info.getEncryptor();
                enc.confirmPassword("123456");
                try (OutputStream os = enc.getDataStream(fs)) {
                    os.write(valid(model));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                fs.writeFilesystem(out);
                return out.toByteArray();
            }
        }, "exit 1\nerror unreadable-workbook - 打开密码"));
        c.put("zip-bomb", new Case("input.xlsx", zip(e -> {
            String xml = sheetXml(e);
            StringBuilder pad = new StringBuilder();
            pad.append("<!--");
            pad.append(" ".repeat(20_000_000));
            pad.append("-->");
            e.put("xl/worksheets/sheet1.xml", xml.replaceFirst("<sheetData", pad + "<sheetData")
                    .getBytes(StandardCharsets.UTF_8));
        }), "exit 1\nerror unreadable-workbook - 压缩炸弹"));
        c.put("xml-with-doctype", new Case("input.xlsx", zip(e -> {
            String xml = sheetXml(e).replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY x \"约300\">]>");
            e.put("xl/worksheets/sheet1.xml", xml.getBytes(StandardCharsets.UTF_8));
        }), "exit 1\nerror unreadable-workbook - DOCTYPE"));
        c.put("duplicate-zip-entries", new Case("input.xlsx", model -> {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid(model)))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            entries.put("xl/worksheets/sheet1.xmQ", entries.get("xl/worksheets/sheet1.xml"));
            return zipOf(entries, "xl/worksheets/sheet1.xml");
        }, "exit 1\nerror unreadable-workbook - 同名"));
        c.put("strict-ooxml", new Case("input.xlsx", zip(e -> {
            String wb = new String(e.get("xl/workbook.xml"), StandardCharsets.UTF_8)
                    .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                            "http://purl.oclc.org/ooxml/spreadsheetml/main");
            e.put("xl/workbook.xml", wb.getBytes(StandardCharsets.UTF_8));
            String rels = new String(e.get("_rels/.rels"), StandardCharsets.UTF_8)
                    .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument");
            e.put("_rels/.rels", rels.getBytes(StandardCharsets.UTF_8));
        }), "exit 1\nerror unreadable-workbook - 严格"));
        // --- far references and sizes that no form has (made by editing the XML: no million cells are written) ----
        c.put("far-away-cell", new Case("input.xlsx", part(FORM_SHEET, x -> x.replace("</sheetData>",
                "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")),
                "exit 1\nerror unreadable-workbook - 进度填报”的单元格 XFD1048576 有内容"));
        c.put("far-away-row", new Case("input.xlsx", part(FORM_SHEET, x -> x.replace("</sheetData>",
                "<row r=\"2147483647\"><c t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")),
                "exit 1\nerror unreadable-workbook - 进度填报”的单元格 A2147483647 有内容"));
        c.put("merge-over-the-whole-hidden-sheet", new Case("input.xlsx", part(META_SHEET, x -> x.replace("<pageMargins",
                "<mergeCells count=\"1\"><mergeCell ref=\"D1:XFD1048576\"/></mergeCells><pageMargins")), "exit 0"));
        c.put("merge-to-the-end-of-the-sheet", new Case("input.xlsx", part(FORM_SHEET, x -> x.replace(
                "<mergeCells count=\"5\">", "<mergeCells count=\"6\"><mergeCell ref=\"K1:XFD1048576\"/>")), "exit 0"));
        c.put("column-range-beyond-the-sheet", new Case("input.xlsx", part(FORM_SHEET, x -> x.replace("<cols>",
                "<cols><col min=\"-2147483647\" max=\"1\" hidden=\"true\" width=\"3\"/>").replace("</cols>",
                "<col min=\"10\" max=\"2147483647\" hidden=\"true\" width=\"3\"/></cols>")), "exit 0"));
        c.put("dimension-far-larger-than-the-sheet", new Case("input.xlsx", part(FORM_SHEET, x -> x.replace(
                "<dimension ref=\"A1:I51\"/>", "<dimension ref=\"A1:XFD1048576\"/>")), "exit 0"));
        c.put("counts-declared-far-too-large", new Case("input.xlsx", zip(e -> {
            String sst = changed(new String(e.get("xl/sharedStrings.xml"), StandardCharsets.UTF_8), x -> x.replaceFirst(
                    "<sst count=\"\\d+\" uniqueCount=\"\\d+\"", "<sst count=\"2147483647\" uniqueCount=\"2147483647\""));
            e.put("xl/sharedStrings.xml", sst.getBytes(StandardCharsets.UTF_8));
            e.put(FORM_SHEET, changed(sheetXml(e), x -> x.replace("<mergeCells count=\"5\">",
                    "<mergeCells count=\"2147483647\">")).getBytes(StandardCharsets.UTF_8));
        }), "exit 0"));
        c.put("too-many-merged-regions", new Case("input.xlsx", part(FORM_SHEET, x -> x.replace(
                "<mergeCells count=\"5\">", "<mergeCells count=\"20006\">" + merges(20_001))),
                "exit 1\nerror unreadable-workbook - 合并单元格超过 20000 个"));
        c.put("merged-regions-crossing-too-many-rows", new Case("input.xlsx", part(FORM_SHEET, x -> x.replace(
                "<mergeCells count=\"5\">", "<mergeCells count=\"9\">" + "<mergeCell ref=\"K1:K1048576\"/>".repeat(4))),
                "exit 1\nerror unreadable-workbook - 合计跨越超过 200000 行"));
        c.put("xml-nested-too-deep", new Case("input.xlsx", part(FORM_SHEET, x -> x.replace("<sheetData>",
                "<extLst>" + "<ext>".repeat(100) + "</ext>".repeat(100) + "</extLst><sheetData>")),
                "exit 1\nerror unreadable-workbook - 嵌套超过 64 层"));
        c.put("invalid-cell-address", new Case("input.xlsx", part(FORM_SHEET, x -> x.replace("<c r=\"A1\"",
                "<c r=\"A0\"")), "exit 1\nerror unreadable-workbook - 无效的单元格地址“A0”"));
        return c;
    }
}
