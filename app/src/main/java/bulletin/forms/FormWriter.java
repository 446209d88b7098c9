package bulletin.forms;

import static bulletin.forms.FormLayout.*;

import bulletin.model.FormContract;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.text.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one reporter's blank monthly form: header, instructions, one row per indicator with its target
 * filled in and locked, input cells with data validation, and the very hidden sheet of {@link FormContract}
 * (version, reporter, month, fingerprint of the targets, codes) so that a returned form can be checked.
 * The workbook's parts are written directly ({@link FormParts}), byte for byte as POI wrote them: POI cost 45 ms
 * a form, most of {@code template}'s time at province size (docs/performance-findings.md, "template without POI").
 */
public final class FormWriter {

    /** Password of the sheet protection: it guards against slips, not against intent. */
    static final String PROTECTION = "bulletin";
    /** {@link #PROTECTION}'s hash as the sheet protection stores it (Excel's 16-bit XOR verifier). */
    static final String PROTECTION_HASH = "81D3";

    private FormWriter() {
    }

    /** Whether the reporter is a reporting unit of the table or a lead department reporting city-wide figures. */
    public enum ReporterType { UNIT, DEPARTMENT }

    // The cell styles, as the style part (STYLES) numbers them. Inputs are unlocked; the rest is locked.
    private static final int TITLE = 1;
    private static final int INFO = 2;
    private static final int HELP = 3;
    private static final int HEADER = 4;
    private static final int FIXED = 5;
    private static final int FIXED_WRAP = 6;
    private static final int FIXED_NUMBER = 7;
    private static final int GREY = 8;
    private static final int GREY_WRAP = 9;
    private static final int GREY_NUMBER = 10;
    private static final int INPUT = 11;
    private static final int INPUT_TEXT = 12;
    private static final int CHECK = 13;
    private static final int GREY_CHECK = 14;
    private static final int COUNT = 15;

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
        FormParts parts = new FormParts();
        FormParts.Sheet sh = parts.new Sheet();
        List<Indicator> inds = model.indicatorsFor(reporter);
        writeHeader(sh, reporter, month, deadline, model.programme());
        List<String> validations = new ArrayList<>();
        int r = HEADER_ROW + 1;
        int firstData = r;
        int checked = 0;
        for (Indicator i : inds) {
            boolean applies = type == ReporterType.DEPARTMENT || i.appliesTo(reporter);
            writeFixed(sh, model, r, i, reporter, type, applies);
            boolean percent = i.kind().reportsPercent();
            sh.blank(r, COL_DONE, applies && !percent ? INPUT : GREY);
            sh.blank(r, COL_PERCENT, applies && percent ? INPUT : GREY);
            sh.blank(r, COL_NOTE, INPUT_TEXT);
            sh.blank(r, COL_PROBLEM, INPUT_TEXT);
            sh.height(r, rowHeight(sh.texts(r)));
            if (writeHelpers(sh, validations, r, i, applies, last.get(i.code()),
                    type == ReporterType.DEPARTMENT ? i.cityTarget() : i.targets().get(reporter))) {
                checked++;
            }
            r++;
        }
        int lastData = r - 1;
        writeCount(sh, firstData, lastData, checked);
        FormParts.Sheet meta = parts.new Sheet();
        writeMeta(meta, model, reporter, type, month, inds, firstData);
        boolean coloured = lastData >= firstData;
        List<Map.Entry<String, byte[]>> zip = new ArrayList<>(List.of(
                Map.entry("[Content_Types].xml", CONTENT_TYPES), Map.entry("_rels/.rels", RELS)));
        zip.addAll(FormParts.properties());
        zip.add(Map.entry("xl/sharedStrings.xml", parts.sharedStrings()));
        zip.add(Map.entry("xl/styles.xml", coloured ? STYLES_COLOURED : STYLES));
        zip.add(Map.entry("xl/workbook.xml", WORKBOOK));
        zip.add(Map.entry("xl/_rels/workbook.xml.rels", WORKBOOK_RELS));
        zip.add(Map.entry("xl/worksheets/sheet1.xml", dataSheet(sh, firstData, lastData, validations)));
        zip.add(Map.entry("xl/worksheets/sheet2.xml", metaSheet(meta)));
        FormParts.write(zip, out);
    }

    /** Rows 1–4: the title, the reporter, month and deadline with the count of rows to check, the help, the headers. */
    private static void writeHeader(FormParts.Sheet sh, String reporter, YearMonth month, Integer deadline,
                                    String programme) {
        String title = month.getYear() + "年" + month.getMonthValue() + "月" + programme + "进度填报表";
        cell(sh, 0, 0, title, TITLE);
        sh.height(0, 30);
        cell(sh, 1, 0, "填报单位：" + reporter, INFO);
        cell(sh, 1, 4, "填报月份：" + month.getYear() + "年" + month.getMonthValue() + "月", INFO);
        cell(sh, 1, 8, deadline == null ? "数据截至月底" : "请于" + month.getMonthValue() + "月" + deadline + "日前报送",
                INFO);
        String help = "填写说明：① 只填白色单元格。“累计完成”填自1月1日起的累计数，只填数字、不带单位（单位为%的比率类指标填"
                + "达到的比率，如 92.5）；“形象进度（%）”填 0–100 之间的数字（45 表示完成 45%），提标类指标达到标准填 100。"
                + "② 灰色行是本单位没有分解目标的指标，可在“进展情况”中用文字说明。③ 请勿改动灰色单元格、增删行列或改名"
                + "工作表，填好后原样报送。④ “上月累计”是上月专报采用的数字，本月累计不能比它小；“自查”列显示每一行的检查结果，"
                + "不是“✓”的行会标上颜色，请逐一核对后再报送（报送后仍以汇总时的检查为准）。";
        cell(sh, 2, 0, help, HELP);
        sh.height(2, 78);
        for (int c = 0; c < HEADERS.length; c++) {
            cell(sh, HEADER_ROW, c, HEADERS[c], HEADER);
        }
        sh.height(HEADER_ROW, 30);
    }

    /** The locked cells of row {@code r} that say what the indicator is: code, project, name, measure, target. */
    private static void writeFixed(FormParts.Sheet sh, IndicatorModel model, int r, Indicator i, String reporter,
                                   ReporterType type, boolean applies) {
        int fixed = applies ? FIXED : GREY;
        int fixedWrap = applies ? FIXED_WRAP : GREY_WRAP;
        cell(sh, r, COL_CODE, i.code(), fixed);
        cell(sh, r, COL_ITEM, i.item() + "." + model.item(i.item()).map(x -> x.name()).orElse(""), fixedWrap);
        cell(sh, r, COL_NAME, name(model, i, type), fixedWrap);
        cell(sh, r, COL_MEASURE, i.measure(), fixed);
        writeTarget(sh, r, i, reporter, type, applies ? FIXED_NUMBER : GREY_NUMBER, fixedWrap);
    }

    /**
     * The helper cells of row {@code r}: 上月累计 (last month's figure, {@code before}) and the 自查 formula, with the
     * input cell's data validation; true where the row is checked (the unit fills it).
     */
    private static boolean writeHelpers(FormParts.Sheet sh, List<String> validations, int r, Indicator i,
                                        boolean applies, BigDecimal last, BigDecimal target) {
        boolean percent = i.kind().reportsPercent();
        BigDecimal before = applies ? last : null;
        int lastStyle = applies ? FIXED_NUMBER : GREY_NUMBER;
        if (before != null) {
            sh.number(r, COL_LAST, before.doubleValue(), lastStyle);
        } else {
            sh.blank(r, COL_LAST, lastStyle);
        }
        if (!applies) {
            sh.styledText(r, COL_CHECK, CHECK_NONE, GREY_CHECK);
            return false;
        }
        FormRules.Rule rule = FormRules.rule(i, before, target);
        sh.formula(r, COL_CHECK, FormRules.checkFormula(rule, cellRef(r, percent ? COL_PERCENT : COL_DONE)), CHECK);
        validations.add(validation(cellRef(r, percent ? COL_PERCENT : COL_DONE), rule));
        return true;
    }

    /** Column widths in characters (a Chinese character takes two). */
    private static final int[] WIDTHS = {8, 12, 42, 8, 16, 12, 12, 40, 30, 12, 24};

    /**
     * Spreadsheet programs do not grow a row for wrapped text written by a program, so the height is set from
     * the longest wrapped cell: 15 points a line.
     */
    private static float rowHeight(String[] texts) {
        int lines = 1;
        for (int c = 0; c < Math.min(texts.length, WIDTHS.length); c++) {
            if (texts[c] != null) {
                int w = Text.width(texts[c]);
                lines = Math.max(lines, (w + WIDTHS[c] - 2) / Math.max(1, WIDTHS[c] - 1));
            }
        }
        return Math.max(20, lines * 15 + 5);
    }

    private static void writeTarget(FormParts.Sheet sh, int r, Indicator i, String reporter, ReporterType type,
                                    int number, int text) {
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
        if (n != null) {
            sh.number(r, COL_TARGET, n.doubleValue(), number);
        } else {
            sh.text(r, COL_TARGET, words == null ? "" : Text.xmlSafe(words), text);
        }
    }

    /** The data validation of one input cell: {@link FormRules.Rule}'s bounds, stop style, with a prompt. */
    private static String validation(String ref, FormRules.Rule rule) {
        boolean between = rule.max() != null;
        StringBuilder b = new StringBuilder("<dataValidation type=\"decimal\" operator=\"")
                .append(between ? "between" : "greaterThanOrEqual").append("\" sqref=\"").append(ref)
                .append("\" allowBlank=\"true\" errorStyle=\"stop\" showErrorMessage=\"true\" errorTitle=\"填写有误\" error=\"")
                .append(FormParts.attribute(rule.errorMessage())).append("\" showInputMessage=\"true\" promptTitle=\"")
                .append(rule.percent() ? "形象进度（%）" : "累计完成").append("\" prompt=\"")
                .append(FormParts.attribute(rule.promptMessage())).append("\"><formula1>")
                .append(FormParts.escape(FormRules.literal(rule.min()))).append("</formula1>");
        if (between) {
            b.append("<formula2>").append(FormParts.escape(FormRules.literal(rule.max()))).append("</formula2>");
        }
        return b.append("</dataValidation>").toString();
    }

    /** The count of rows still to check, at the top of the sheet: applicable rows whose 自查 is not "✓". */
    private static void writeCount(FormParts.Sheet sh, int firstData, int lastData, int checked) {
        if (checked == 0) {
            sh.styledText(COUNT_ROW, COUNT_COL, "本表无需核对", COUNT);
            return;
        }
        sh.formula(COUNT_ROW, COUNT_COL, FormRules.countFormula(cellRef(firstData, COL_CHECK) + ":"
                + cellRef(lastData, COL_CHECK), checked), COUNT);
    }

    /** "F12": the A1 reference of a 0-based cell, relative. */
    static String cellRef(int r, int c) {
        return FormParts.ref(r, c);
    }

    /**
     * The data sheet around its cells: frozen headers, column widths, protection (formatting rows and columns
     * allowed), merged header cells, the colouring of rows to check (a row whose 自查 is neither "✓" nor "—"), the
     * data validations, and a landscape A4 page fitted to its width with the headers repeated.
     */
    private static byte[] dataSheet(FormParts.Sheet sh, int firstData, int lastData, List<String> validations) {
        FormParts.Out b = new FormParts.Out(16_384 + 1_500 * (lastData - firstData + 1));
        b.add(FormParts.XML).add("<worksheet xmlns=\"").add(FormParts.MAIN)
                .add("\"><sheetPr><pageSetUpPr fitToPage=\"true\"/></sheetPr><dimension ref=\"")
                .add(sh.dimension()).add("\"/><sheetViews><sheetView workbookViewId=\"0\" tabSelected=\"true\">")
                .add("<pane xSplit=\"").add(String.valueOf((double) COL_MEASURE)).add("\" ySplit=\"")
                .add(String.valueOf((double) (HEADER_ROW + 1))).add("\" state=\"frozen\" topLeftCell=\"")
                .add(cellRef(HEADER_ROW + 1, COL_MEASURE)).add("\" activePane=\"bottomRight\"/>")
                .add("<selection pane=\"bottomRight\"/></sheetView></sheetViews>")
                .add("<sheetFormatPr defaultRowHeight=\"15.0\"/><cols>");
        for (int c = 0; c < WIDTHS.length; c++) {
            b.add("<col min=\"").add(c + 1).add("\" max=\"").add(c + 1).add("\" width=\"")
                    .add(String.valueOf((double) (WIDTHS[c] * 256 + 200) / 256)).add("\" customWidth=\"true\"/>");
        }
        b.add("</cols>");
        sh.writeData(b);
        b.add("<sheetProtection password=\"").add(PROTECTION_HASH).add("\" sheet=\"true\" scenarios=\"true\"")
                .add(" objects=\"true\" formatColumns=\"false\" formatRows=\"false\"/>");
        String end = Text.column(COL_END);
        b.add("<mergeCells count=\"5\"><mergeCell ref=\"A1:").add(end).add("1\"/><mergeCell ref=\"A2:D2\"/>")
                .add("<mergeCell ref=\"E2:G2\"/><mergeCell ref=\"I2:").add(end).add("2\"/><mergeCell ref=\"A3:")
                .add(end).add("3\"/></mergeCells>");
        if (lastData >= firstData) {
            b.add("<conditionalFormatting sqref=\"").add(cellRef(firstData, 0)).add(":")
                    .add(cellRef(lastData, COL_END)).add("\"><cfRule type=\"expression\" dxfId=\"0\" priority=\"1\">")
                    .add("<formula>").add(FormParts.escape(FormRules.flaggedFormula("$" + cellRef(firstData, COL_CHECK))))
                    .add("</formula></cfRule></conditionalFormatting>");
        }
        if (!validations.isEmpty()) {
            b.add("<dataValidations count=\"").add(validations.size()).add("\">");
            validations.forEach(b::add);
            b.add("</dataValidations>");
        }
        return b.add(MARGINS).add("<pageSetup usePrinterDefaults=\"false\" orientation=\"landscape\" paperSize=\"9\"")
                .add(" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>").bytes();
    }

    /** The indicator's name in the form: with its sub-project, and the department's optional city-wide figure. */
    static String name(IndicatorModel model, Indicator i, ReporterType type) {
        String name = i.path().size() > 2 ? i.path().get(1) + "：" + i.name() : i.name();
        if (type == ReporterType.DEPARTMENT && i.cityFigureByLead()) {
            // Optional: the city's own figure where the department has one, else the units' mean stands.
            name += "（选填：全市的数字，各单位另行填报；空着则取" + Text.unitsWord(model.units()) + "平均）";
        }
        return name;
    }

    /** The entries of {@link FormContract}'s hidden sheet, key and value, before its rows of indicators. */
    static String[][] metaEntries(IndicatorModel model, String reporter, ReporterType type, YearMonth month,
                                  List<Indicator> inds) {
        return new String[][] {
            {FormContract.KEY_VERSION, FormContract.VERSION},
            {FormContract.KEY_REPORTER, reporter},
            {FormContract.KEY_REPORTER_TYPE,
                type == ReporterType.UNIT ? FormContract.REPORTER_UNIT : FormContract.REPORTER_DEPARTMENT},
            {FormContract.KEY_MONTH, month.toString()},
            {FormContract.KEY_FINGERPRINT, FormContract.fingerprint(model, reporter)},
            {FormContract.KEY_CODES, String.valueOf(inds.size())},
            {FormContract.KEY_HELPERS, String.join("|", FormContract.HELPER_HEADERS)},
        };
    }

    /** The very hidden sheet of {@link FormContract}: its entries, then one row per indicator. */
    private static void writeMeta(FormParts.Sheet meta, IndicatorModel model, String reporter, ReporterType type,
                                  YearMonth month, List<Indicator> inds, int firstData) {
        String[][] kv = metaEntries(model, reporter, type, month, inds);
        int r = 0;
        for (String[] p : kv) {
            meta.text(r, 0, p[0], 0);
            meta.text(r, 1, Text.xmlSafe(p[1]), 0);
            r++;
        }
        for (int k = 0; k < inds.size(); k++) {
            Indicator i = inds.get(k);
            meta.text(r, 0, i.code(), 0);
            meta.number(r, 1, firstData + k + 1, 0);
            meta.text(r, 2, i.kind().id(), 0);
            r++;
        }
    }

    private static byte[] metaSheet(FormParts.Sheet meta) {
        FormParts.Out b = new FormParts.Out(8_192).add(FormParts.XML).add("<worksheet xmlns=\"")
                .add(FormParts.MAIN).add("\"><dimension ref=\"").add(meta.dimension())
                .add("\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>")
                .add("<sheetFormatPr defaultRowHeight=\"15.0\"/>");
        meta.writeData(b);
        return b.add("<sheetProtection password=\"").add(PROTECTION_HASH)
                .add("\" sheet=\"true\" scenarios=\"true\" objects=\"true\"/>").add(MARGINS).add("</worksheet>")
                .bytes();
    }

    private static void cell(FormParts.Sheet sh, int r, int c, String text, int style) {
        sh.text(r, c, Text.xmlSafe(text), style);
    }

    private static final String MARGINS =
            "<pageMargins bottom=\"0.75\" footer=\"0.3\" header=\"0.3\" left=\"0.7\" right=\"0.7\" top=\"0.75\"/>";

    private static final String CT = "application/vnd.openxmlformats-officedocument.";
    private static final byte[] CONTENT_TYPES = utf8(FormParts.XML_SA
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" Extension=\"rels\"/>"
            + "<Default ContentType=\"application/xml\" Extension=\"xml\"/>"
            + "<Override ContentType=\"" + CT + "extended-properties+xml\" PartName=\"/docProps/app.xml\"/>"
            + "<Override ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\" PartName=\"/docProps/"
            + "core.xml\"/><Override ContentType=\"" + CT + "spreadsheetml.sharedStrings+xml\" PartName=\"/xl/"
            + "sharedStrings.xml\"/><Override ContentType=\"" + CT + "spreadsheetml.styles+xml\" PartName=\"/xl/"
            + "styles.xml\"/><Override ContentType=\"" + CT + "spreadsheetml.sheet.main+xml\" PartName=\"/xl/"
            + "workbook.xml\"/><Override ContentType=\"" + CT + "spreadsheetml.worksheet+xml\" PartName=\"/xl/"
            + "worksheets/sheet1.xml\"/><Override ContentType=\"" + CT + "spreadsheetml.worksheet+xml\" PartName=\"/xl/"
            + "worksheets/sheet2.xml\"/></Types>");

    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_RELS = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
            + "relationships\">";
    private static final byte[] RELS = utf8(FormParts.XML_SA + PKG_RELS
            + "<Relationship Id=\"rId1\" Target=\"xl/workbook.xml\" Type=\"" + REL + "/officeDocument\"/>"
            + "<Relationship Id=\"rId2\" Target=\"docProps/app.xml\" Type=\"" + REL + "/extended-properties\"/>"
            + "<Relationship Id=\"rId3\" Target=\"docProps/core.xml\" Type=\"http://schemas.openxmlformats.org/package/"
            + "2006/relationships/metadata/core-properties\"/></Relationships>");
    private static final byte[] WORKBOOK_RELS = utf8(FormParts.XML_SA + PKG_RELS
            + "<Relationship Id=\"rId1\" Target=\"sharedStrings.xml\" Type=\"" + REL + "/sharedStrings\"/>"
            + "<Relationship Id=\"rId2\" Target=\"styles.xml\" Type=\"" + REL + "/styles\"/>"
            + "<Relationship Id=\"rId3\" Target=\"worksheets/sheet1.xml\" Type=\"" + REL + "/worksheet\"/>"
            + "<Relationship Id=\"rId4\" Target=\"worksheets/sheet2.xml\" Type=\"" + REL + "/worksheet\"/>"
            + "</Relationships>");

    /** The data sheet is active and its header row repeats on every printed page; the hidden sheet is very hidden. */
    private static final byte[] WORKBOOK = utf8(FormParts.XML + "<workbook xmlns=\"" + FormParts.MAIN + "\" xmlns:r=\""
            + REL + "\"><workbookPr date1904=\"false\"/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
            + "<sheet name=\"" + DATA_SHEET + "\" r:id=\"rId3\" sheetId=\"1\"/><sheet name=\"" + FormContract.META_SHEET
            + "\" r:id=\"rId4\" sheetId=\"2\" state=\"veryHidden\"/></sheets><definedNames><definedName name=\""
            + "_xlnm.Print_Titles\" localSheetId=\"0\">" + DATA_SHEET + "!$" + (HEADER_ROW + 1) + ":$" + (HEADER_ROW + 1)
            + "</definedName></definedNames></workbook>");

    /**
     * The styles, numbered as the constants above: fonts 宋体 11 (plain and bold), 16 bold (title) and 11 bold dark
     * red (the count); fills pale blue (headers) and grey 25% (rows the reporter does not fill); thin borders on
     * the table; input cells unlocked. Then, where the sheet colours rows to check, {@link #DXFS}.
     */
    private static final String STYLES_XML = FormParts.XML + "<styleSheet xmlns=\"" + FormParts.MAIN + "\"><numFmts count=\"0\"/>"
            + "<fonts count=\"5\"><font><sz val=\"11.0\"/><color indexed=\"8\"/><name val=\"Calibri\"/><family val=\"2\"/>"
            + "<scheme val=\"minor\"/></font><font><name val=\"宋体\"/><sz val=\"11.0\"/></font><font><name val=\"宋体\"/>"
            + "<sz val=\"11.0\"/><b val=\"true\"/></font><font><name val=\"宋体\"/><sz val=\"16.0\"/><b val=\"true\"/></font>"
            + "<font><name val=\"宋体\"/><sz val=\"11.0\"/><color indexed=\"16\"/><b val=\"true\"/></font></fonts>"
            + "<fills count=\"6\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"darkGray\"/>"
            + "</fill><fill><patternFill patternType=\"none\"><fgColor indexed=\"44\"/></patternFill></fill><fill>"
            + "<patternFill patternType=\"solid\"><fgColor indexed=\"44\"/></patternFill></fill><fill><patternFill "
            + "patternType=\"none\"><fgColor indexed=\"22\"/></patternFill></fill><fill><patternFill patternType=\"solid\">"
            + "<fgColor indexed=\"22\"/></patternFill></fill></fills><borders count=\"5\"><border><left/><right/><top/>"
            + "<bottom/><diagonal/></border><border><top style=\"thin\"/></border><border><top style=\"thin\"/><bottom "
            + "style=\"thin\"/></border><border><left style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/></border>"
            + "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/></border>"
            + "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"16\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + xf(3, 0, 0, false, "horizontal=\"center\" vertical=\"center\"", null)               // TITLE
            + xf(2, 0, 0, false, "vertical=\"center\"", null)                                       // INFO
            + xf(1, 0, 0, false, "wrapText=\"true\" vertical=\"top\"", null)                        // HELP
            + xf(2, 3, 4, false, "wrapText=\"true\" vertical=\"center\" horizontal=\"center\"", true) // HEADER
            + xf(1, 0, 4, false, "wrapText=\"false\" vertical=\"center\"", true)                   // FIXED
            + xf(1, 0, 4, false, "wrapText=\"true\" vertical=\"center\"", true)                    // FIXED_WRAP
            + xf(1, 0, 4, true, "wrapText=\"false\" vertical=\"center\" horizontal=\"right\"", true) // FIXED_NUMBER
            + xf(1, 5, 4, false, "wrapText=\"false\" vertical=\"center\"", true)                   // GREY
            + xf(1, 5, 4, false, "wrapText=\"true\" vertical=\"center\"", true)                    // GREY_WRAP
            + xf(1, 5, 4, false, "wrapText=\"false\" vertical=\"center\"", true)                   // GREY_NUMBER
            + xf(1, 0, 4, false, "wrapText=\"false\" vertical=\"center\" horizontal=\"right\"", false) // INPUT
            + xf(1, 0, 4, false, "wrapText=\"true\" vertical=\"center\"", false)                   // INPUT_TEXT
            + xf(1, 0, 4, false, "wrapText=\"true\" vertical=\"center\" horizontal=\"center\"", true) // CHECK
            + xf(1, 5, 4, false, "wrapText=\"false\" vertical=\"center\" horizontal=\"center\"", true) // GREY_CHECK
            + xf(4, 0, 0, false, "vertical=\"center\"", null)                                       // COUNT
            + "</cellXfs>";

    /** The conditional formatting's look: light orange, dark red text. */
    private static final String DXFS = "<dxfs count=\"1\"><dxf><font><color indexed=\"16\"/></font><fill><patternFill "
            + "patternType=\"solid\"><bgColor indexed=\"52\"/></patternFill></fill></dxf></dxfs>";

    private static final byte[] STYLES = utf8(STYLES_XML + "</styleSheet>");
    private static final byte[] STYLES_COLOURED = utf8(STYLES_XML + DXFS + "</styleSheet>");

    /** One cell format: font, fill and border ids, alignment; {@code locked} null where no protection is written. */
    private static String xf(int font, int fill, int border, boolean format, String alignment, Boolean locked) {
        return "<xf numFmtId=\"0\" fontId=\"" + font + "\" fillId=\"" + fill + "\" borderId=\"" + border
                + "\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\"" + (border != 0 ? " applyBorder=\"true\"" : "")
                + (fill != 0 ? " applyFill=\"true\"" : "") + (format ? " applyNumberFormat=\"true\"" : "")
                + "><alignment " + alignment + "/>" + (locked == null ? "" : "<protection locked=\"" + locked + "\"/>")
                + "</xf>";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
