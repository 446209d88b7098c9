package bulletin.forms;

import static bulletin.forms.FormLayout.*;

import bulletin.forms.FormWriter.ReporterType;
import bulletin.model.FormContract;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.text.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import bulletin.text.Numbers;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The form as {@link FormWriter} wrote it with POI before it wrote the parts directly: kept in the tests as the
 * reference {@code FormXmlParityTest} compares the direct writer with, part by part. Writes one reporter's blank monthly form: header, instructions, one row per indicator with its target
 * filled in and locked, input cells with data validation, and the very hidden sheet of {@link FormContract}
 * (version, reporter, month, fingerprint of the targets, codes) so that a returned form can be checked.
 */
final class PoiFormWriter {

    /** Password of the sheet protection: it guards against slips, not against intent. */
    static final String PROTECTION = FormWriter.PROTECTION; // the parity test then holds PROTECTION_HASH to it

    private PoiFormWriter() {
    }

    /** Whether the reporter is a reporting unit of the table or a lead department reporting city-wide figures. */


    public static void write(IndicatorModel model, String reporter, ReporterType type, YearMonth month,
                             Integer deadline, OutputStream out) throws IOException {
        write(model, reporter, type, month, deadline, Map.of(), out);
    }

    /**
     * Writes the form with {@code last}, this reporter's figures as last month's bulletin published them (by
     * indicator code: the cumulative figure, or the 形象进度 for a percent kind), in the locked column 上月累计;
     * the input cells refuse a figure below it, and the 自查 column flags it.
     */
    public static void write(IndicatorModel model, String reporter, ReporterType type, YearMonth month,
                             Integer deadline, Map<String, BigDecimal> last, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            XSSFSheet sh = wb.createSheet(DATA_SHEET);
            List<Indicator> inds = model.indicatorsFor(reporter);

            writeHeader(sh, s, reporter, month, deadline, model.programme());

            int r = HEADER_ROW + 1;
            int firstData = r;
            int checked = 0;
            for (Indicator i : inds) {
                boolean applies = type == ReporterType.DEPARTMENT || i.appliesTo(reporter);
                boolean percent = i.kind().reportsPercent();
                CellStyle fixed = applies ? s.fixed : s.grey;
                CellStyle fixedWrap = applies ? s.fixedWrap : s.greyWrap;
                cell(sh, r, COL_CODE, i.code(), fixed);
                cell(sh, r, COL_ITEM, i.item() + "." + model.item(i.item()).map(x -> x.name()).orElse(""), fixedWrap);
                cell(sh, r, COL_NAME, FormWriter.name(model, i, type), fixedWrap);
                cell(sh, r, COL_MEASURE, i.measure(), fixed);
                writeTarget(sh, r, i, reporter, type, applies ? s.fixedNumber : s.greyNumber, fixedWrap);
                boolean numberInput = applies && !percent;
                boolean percentInput = applies && percent;
                XSSFCell done = sh.getRow(r).createCell(COL_DONE);
                done.setCellStyle(numberInput ? s.input : s.grey);
                XSSFCell pct = sh.getRow(r).createCell(COL_PERCENT);
                pct.setCellStyle(percentInput ? s.input : s.grey);
                sh.getRow(r).createCell(COL_NOTE).setCellStyle(s.inputText);
                sh.getRow(r).createCell(COL_PROBLEM).setCellStyle(s.inputText);
                sh.getRow(r).setHeightInPoints(rowHeight(sh.getRow(r)));
                if (writeHelpers(sh, s, r, i, applies, last.get(i.code()),
                        type == ReporterType.DEPARTMENT ? i.cityTarget() : i.targets().get(reporter))) {
                    checked++;
                }
                r++;
            }
            int lastData = r - 1;
            writeCount(sh, s, firstData, lastData, checked);
            if (lastData >= firstData) {
                colourRowsToCheck(sh, firstData, lastData);
            }
            for (int c = 0; c < WIDTHS.length; c++) {
                sh.setColumnWidth(c, WIDTHS[c] * 256 + 200);
            }
            sh.createFreezePane(COL_MEASURE, HEADER_ROW + 1);
            sh.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, COL_END));
            sh.getPrintSetup().setLandscape(true);
            sh.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sh.setFitToPage(true);
            sh.getPrintSetup().setFitWidth((short) 1);
            sh.getPrintSetup().setFitHeight((short) 0);
            sh.protectSheet(PROTECTION);
            sh.lockFormatColumns(false);
            sh.lockFormatRows(false);

            writeMeta(wb, model, reporter, type, month, inds, firstData);
            wb.setActiveSheet(0);
            wb.write(out);
        }
    }

    /** Rows 1–4: the title, the reporter, month and deadline with the count of rows to check, the help, the headers. */
    private static void writeHeader(XSSFSheet sh, Styles s, String reporter, YearMonth month, Integer deadline,
                                    String programme) {
        String title = month.getYear() + "年" + month.getMonthValue() + "月" + programme + "进度填报表";
        cell(sh, 0, 0, title, s.title);
        sh.addMergedRegion(new CellRangeAddress(0, 0, 0, COL_END));
        sh.getRow(0).setHeightInPoints(30);
        cell(sh, 1, 0, "填报单位：" + reporter, s.info);
        sh.addMergedRegion(new CellRangeAddress(1, 1, 0, 3));
        cell(sh, 1, 4, "填报月份：" + month.getYear() + "年" + month.getMonthValue() + "月", s.info);
        sh.addMergedRegion(new CellRangeAddress(1, 1, 4, 6));
        cell(sh, 1, 8, deadline == null ? "数据截至月底" : "请于" + month.getMonthValue() + "月" + deadline + "日前报送",
                s.info);
        sh.addMergedRegion(new CellRangeAddress(1, 1, 8, COL_END));
        String help = "填写说明：① 只填白色单元格。“累计完成”填自1月1日起的累计数，只填数字、不带单位（单位为%的比率类指标填"
                + "达到的比率，如 92.5）；“形象进度（%）”填 0–100 之间的数字（45 表示完成 45%），提标类指标达到标准填 100。"
                + "② 灰色行是本单位没有分解目标的指标，可在“进展情况”中用文字说明。③ 请勿改动灰色单元格、增删行列或改名"
                + "工作表，填好后原样报送。④ “上月累计”是上月专报采用的数字，本月累计不能比它小；“自查”列显示每一行的检查结果，"
                + "不是“✓”的行会标上颜色，请逐一核对后再报送（报送后仍以汇总时的检查为准）。";
        cell(sh, 2, 0, help, s.help);
        sh.addMergedRegion(new CellRangeAddress(2, 2, 0, COL_END));
        sh.getRow(2).setHeightInPoints(78);
        for (int c = 0; c < HEADERS.length; c++) {
            cell(sh, HEADER_ROW, c, HEADERS[c], s.header);
        }
        sh.getRow(HEADER_ROW).setHeightInPoints(30);
    }

    /**
     * The helper cells of row {@code r}: 上月累计 (last month's figure, {@code before}) and the 自查 formula, with the
     * input cell's data validation; true where the row is checked (the unit fills it).
     */
    private static boolean writeHelpers(XSSFSheet sh, Styles s, int r, Indicator i, boolean applies,
                                        BigDecimal last, BigDecimal target) {
        boolean percent = i.kind().reportsPercent();
        BigDecimal before = applies ? last : null;
        XSSFCell lastCell = sh.getRow(r).createCell(COL_LAST);
        if (before != null) {
            lastCell.setCellValue(before.doubleValue());
        }
        lastCell.setCellStyle(applies ? s.fixedNumber : s.greyNumber);
        XSSFCell check = sh.getRow(r).createCell(COL_CHECK);
        check.setCellStyle(applies ? s.check : s.greyCheck);
        if (!applies) {
            check.setCellValue(CHECK_NONE);
            return false;
        }
        FormRules.Rule rule = FormRules.rule(i, before, target);
        check.setCellFormula(FormRules.checkFormula(rule, cellRef(r, percent ? COL_PERCENT : COL_DONE)));
        validate(sh, r, percent ? COL_PERCENT : COL_DONE, rule);
        return true;
    }

    /** Column widths in characters (a Chinese character takes two). */
    private static final int[] WIDTHS = {8, 12, 42, 8, 16, 12, 12, 40, 30, 12, 24};

    /**
     * Spreadsheet programs do not grow a row for wrapped text written by a program, so the height is set from
     * the longest wrapped cell: 15 points a line.
     */
    private static float rowHeight(XSSFRow row) {
        int lines = 1;
        for (int c = 0; c < WIDTHS.length; c++) {
            XSSFCell cell = row.getCell(c);
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                int w = bulletin.text.Text.width(cell.getStringCellValue());
                lines = Math.max(lines, (w + WIDTHS[c] - 2) / Math.max(1, WIDTHS[c] - 1));
            }
        }
        return Math.max(20, lines * 15 + 5);
    }

    private static void writeTarget(XSSFSheet sh, int r, Indicator i, String reporter, ReporterType type,
                                    CellStyle number, CellStyle text) {
        BigDecimal n;
        String words;
        if (type == ReporterType.DEPARTMENT) {
            n = i.cityTarget() != null ? i.cityTarget() : null;
            words = i.targetText();
        } else {
            n = i.targets().get(reporter);
            words = i.unitTexts().get(reporter);
            if (n == null && words == null) {
                words = "/";
            }
        }
        XSSFCell c = sh.getRow(r).createCell(COL_TARGET);
        if (n != null) {
            c.setCellValue(n.doubleValue());
            c.setCellStyle(number);
        } else {
            c.setCellValue(words == null ? "" : Text.xmlSafe(words));
            c.setCellStyle(text);
        }
    }

    /** The data validation of one input cell: {@link FormRules.Rule}'s bounds, stop style, with a prompt. */
    private static void validate(XSSFSheet sh, int r, int col, FormRules.Rule rule) {
        DataValidationHelper h = sh.getDataValidationHelper();
        DataValidationConstraint c = rule.max() != null
                ? h.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                        FormRules.literal(rule.min()), FormRules.literal(rule.max()))
                : h.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL,
                        FormRules.literal(rule.min()), null);
        DataValidation v = h.createValidation(c, new CellRangeAddressList(r, r, col, col));
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox("填写有误", rule.errorMessage());
        v.setShowPromptBox(true);
        v.createPromptBox(rule.percent() ? "形象进度（%）" : "累计完成", rule.promptMessage());
        sh.addValidationData(v);
    }

    /** The count of rows still to check, at the top of the sheet: applicable rows whose 自查 is not "✓". */
    private static void writeCount(XSSFSheet sh, Styles s, int firstData, int lastData, int checked) {
        XSSFCell count = sh.getRow(COUNT_ROW).createCell(COUNT_COL);
        count.setCellStyle(s.count);
        if (checked == 0) {
            count.setCellValue("本表无需核对");
            return;
        }
        count.setCellFormula(FormRules.countFormula(cellRef(firstData, COL_CHECK) + ":" + cellRef(lastData, COL_CHECK), checked));
    }

    /** Conditional formatting: a row whose 自查 is neither "✓" nor "—" is coloured. */
    private static void colourRowsToCheck(XSSFSheet sh, int firstData, int lastData) {
        var cf = sh.getSheetConditionalFormatting();
        String k = "$" + org.apache.poi.ss.util.CellReference.convertNumToColString(COL_CHECK) + (firstData + 1);
        var rule = cf.createConditionalFormattingRule(FormRules.flaggedFormula(k));
        var fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
        fill.setFillPattern(org.apache.poi.ss.usermodel.PatternFormatting.SOLID_FOREGROUND);
        rule.createFontFormatting().setFontColorIndex(IndexedColors.DARK_RED.getIndex());
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(firstData, lastData, 0, COL_END)},
                rule);
    }

    /** "F12": the A1 reference of a 0-based cell, relative. */
    static String cellRef(int r, int c) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(c) + (r + 1);
    }

    /** The very hidden sheet of {@link FormContract}: its entries, then one row per indicator. */
    private static void writeMeta(XSSFWorkbook wb, IndicatorModel model, String reporter, ReporterType type,
                                  YearMonth month, List<Indicator> inds, int firstData) {
        XSSFSheet meta = wb.createSheet(FormContract.META_SHEET);
        String[][] kv = FormWriter.metaEntries(model, reporter, type, month, inds);
        int r = 0;
        for (String[] p : kv) {
            XSSFRow row = meta.createRow(r++);
            row.createCell(0).setCellValue(p[0]);
            row.createCell(1).setCellValue(Text.xmlSafe(p[1]));
        }
        for (int k = 0; k < inds.size(); k++) {
            XSSFRow row = meta.createRow(r++);
            Indicator i = inds.get(k);
            row.createCell(0).setCellValue(i.code());
            row.createCell(1).setCellValue(firstData + k + 1);
            row.createCell(2).setCellValue(i.kind().id());
        }
        meta.protectSheet(PROTECTION);
        wb.setSheetVisibility(wb.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
    }

    private static XSSFCell cell(XSSFSheet sh, int r, int c, String text, CellStyle style) {
        XSSFRow row = sh.getRow(r) == null ? sh.createRow(r) : sh.getRow(r);
        XSSFCell cell = row.createCell(c);
        cell.setCellValue(Text.xmlSafe(text));
        cell.setCellStyle(style);
        return cell;
    }

    /** The cell styles of a form. Inputs are unlocked; everything else is locked by the sheet protection. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle info;
        final CellStyle help;
        final CellStyle header;
        final CellStyle fixed;
        final CellStyle fixedWrap;
        final CellStyle fixedNumber;
        final CellStyle grey;
        final CellStyle greyWrap;
        final CellStyle greyNumber;
        final CellStyle input;
        final CellStyle inputText;
        final CellStyle check;
        final CellStyle greyCheck;
        final CellStyle count;

        Styles(XSSFWorkbook wb) {
            Font base = font(wb, 11, false);
            Font bold = font(wb, 11, true);
            title = wb.createCellStyle();
            title.setFont(font(wb, 16, true));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            info = wb.createCellStyle();
            info.setFont(bold);
            info.setVerticalAlignment(VerticalAlignment.CENTER);
            help = wb.createCellStyle();
            help.setFont(base);
            help.setWrapText(true);
            help.setVerticalAlignment(VerticalAlignment.TOP);
            header = boxed(wb, bold, true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            fixed = boxed(wb, base, false);
            fixedWrap = boxed(wb, base, true);
            fixedNumber = boxed(wb, base, false);
            fixedNumber.setAlignment(HorizontalAlignment.RIGHT);
            fixedNumber.setDataFormat(wb.createDataFormat().getFormat("General"));
            grey = greyed(boxed(wb, base, false));
            greyWrap = greyed(boxed(wb, base, true));
            greyNumber = greyed(boxed(wb, base, false));
            input = boxed(wb, base, false);
            input.setLocked(false);
            input.setAlignment(HorizontalAlignment.RIGHT);
            inputText = boxed(wb, base, true);
            inputText.setLocked(false);
            check = boxed(wb, base, true);
            check.setAlignment(HorizontalAlignment.CENTER);
            greyCheck = greyed(boxed(wb, base, false));
            greyCheck.setAlignment(HorizontalAlignment.CENTER);
            count = wb.createCellStyle();
            count.setFont(font(wb, 11, true, IndexedColors.DARK_RED.getIndex()));
            count.setVerticalAlignment(VerticalAlignment.CENTER);
        }

        private static Font font(XSSFWorkbook wb, int size, boolean bold) {
            return font(wb, size, bold, IndexedColors.AUTOMATIC.getIndex());
        }

        private static Font font(XSSFWorkbook wb, int size, boolean bold, short colour) {
            Font f = wb.createFont();
            if (colour != IndexedColors.AUTOMATIC.getIndex()) {
                f.setColor(colour);
            }
            f.setFontName("宋体");
            f.setFontHeightInPoints((short) size);
            f.setBold(bold);
            return f;
        }

        private static CellStyle boxed(XSSFWorkbook wb, Font f, boolean wrap) {
            CellStyle st = wb.createCellStyle();
            st.setFont(f);
            st.setWrapText(wrap);
            st.setVerticalAlignment(VerticalAlignment.CENTER);
            st.setBorderTop(BorderStyle.THIN);
            st.setBorderBottom(BorderStyle.THIN);
            st.setBorderLeft(BorderStyle.THIN);
            st.setBorderRight(BorderStyle.THIN);
            st.setLocked(true);
            return st;
        }

        private static CellStyle greyed(CellStyle st) {
            st.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            st.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return st;
        }
    }
}
