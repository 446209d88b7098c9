package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.Part;
import org.docx4j.openpackaging.parts.WordprocessingML.BinaryPartAbstractImage;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.wml.CTSimpleField;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.STPageOrientation;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Style;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Tr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The document's look, read back from the .docx: page, sections, fonts, footers, tables, shading, chart. */
@ResourceLock("system property bulletin.soffice")
class DocxLayoutTest {

    /** The samples' May, generated once for the suite (GeneratedSamples); read only. */
    static Path ws;

    static WordprocessingMLPackage doc;
    static Cli.Run run;

    @BeforeAll
    static void generate() throws Exception {
        ws = GeneratedSamples.may().workspace();
        run = GeneratedSamples.may().run();
        assertThat(run.code()).as(run.toString()).isZero();
        doc = WordprocessingMLPackage.load(ws.resolve("out/2026-05/工作专报（第3期）.docx").toFile());
    }

    /** May's appendix workbook as POI reads it, read once for the class's three tests (they only read it). */
    static XSSFWorkbook appendix;

    static XSSFWorkbook appendixWorkbook() throws IOException {
        if (appendix == null) {
            try (InputStream in = Files.newInputStream(ws.resolve("out/2026-05/推进情况统计表（第3期）.xlsx"))) {
                appendix = new XSSFWorkbook(in);
            }
        }
        return appendix;
    }

    @org.junit.jupiter.api.AfterAll
    static void closeTheWorkbook() throws IOException {
        if (appendix != null) {
            appendix.close();
            appendix = null;
        }
    }

    static List<Object> body() {
        return doc.getMainDocumentPart().getContent();
    }

    static Style style(String id) {
        return doc.getMainDocumentPart().getStyleDefinitionsPart().getJaxbElement().getStyle().stream()
                .filter(s -> id.equals(s.getStyleId())).findFirst().orElseThrow();
    }

    static Optional<P> paragraph(String text) {
        return body().stream().filter(o -> o instanceof P).map(o -> (P) o)
                .filter(p -> XmlUtils.marshaltoString(p).contains(">" + text + "<")).findFirst();
    }

    @Test
    void thePageIsGbT9704() {
        SectPr body = sections().get(0);
        assertThat(body.getPgSz().getW().intValue()).isEqualTo(11906);
        assertThat(body.getPgSz().getH().intValue()).isEqualTo(16838);
        assertThat(body.getPgMar().getTop().intValue()).isEqualTo(2098);      // 37 mm
        assertThat(body.getPgMar().getLeft().intValue()).isEqualTo(1588);     // 28 mm, binding side
        assertThat(body.getPgMar().getRight().intValue()).isEqualTo(1474);    // 26 mm
        assertThat(body.getPgMar().getBottom().intValue()).isEqualTo(1984);   // 35 mm
        assertThat(11906 - 1588 - 1474).isBetween(8840, 8850);              // 156 mm text block
        assertThat(body.getDocGrid().getLinePitch().intValue()).isEqualTo(579); // 22 lines in 225 mm
        var settings = doc.getMainDocumentPart().getDocumentSettingsPart().getJaxbElement();
        assertThat(settings.getEvenAndOddHeaders()).isNotNull();
        assertThat(settings.getMirrorMargins()).isNotNull();
    }

    /** The section properties in document order: those in paragraphs, then the body's. */
    static List<SectPr> sections() {
        List<SectPr> out = new ArrayList<>();
        for (Object o : body()) {
            if (o instanceof P p && p.getPPr() != null && p.getPPr().getSectPr() != null) {
                out.add(p.getPPr().getSectPr());
            }
        }
        out.add(doc.getMainDocumentPart().getJaxbElement().getBody().getSectPr());
        return out;
    }

    @Test
    void theAppendicesAreInALandscapeSection() {
        List<SectPr> s = sections();
        assertThat(s).hasSize(2);
        assertThat(s.get(0).getPgSz().getOrient()).isNotEqualTo(STPageOrientation.LANDSCAPE);
        assertThat(s.get(1).getPgSz().getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
        assertThat(s.get(1).getPgSz().getW().intValue()).isEqualTo(16838);
        assertThat(s.get(1).getPgSz().getH().intValue()).isEqualTo(11906);
    }

    @Test
    void fontsAreNamedExplicitlyOnBodyTitleAndHeadings() {
        assertThat(style(Reference.BODY).getRPr().getRFonts().getEastAsia()).isEqualTo("仿宋_GB2312");
        assertThat(style(Reference.BODY).getRPr().getRFonts().getAscii()).isEqualTo("仿宋_GB2312");
        assertThat(style(Reference.BODY).getRPr().getSz().getVal().intValue()).isEqualTo(32); // 3号
        assertThat(style(Reference.BODY).getRPr().getRFonts().getAsciiTheme()).isNull();
        assertThat(style(Reference.MASTHEAD).getRPr().getRFonts().getEastAsia()).isEqualTo("方正小标宋简体");
        assertThat(style(Reference.MASTHEAD).getRPr().getColor().getVal()).isEqualTo("FF0000");
        assertThat(style(Reference.APPENDIX_TITLE).getRPr().getRFonts().getEastAsia()).isEqualTo("方正小标宋简体");
        assertThat(style(Reference.APPENDIX_TITLE).getRPr().getSz().getVal().intValue()).isEqualTo(44); // 2号
        assertThat(style(Reference.H1).getRPr().getRFonts().getEastAsia()).isEqualTo("黑体");
        assertThat(style(Reference.H2).getRPr().getRFonts().getEastAsia()).isEqualTo("楷体_GB2312");
        assertThat(style(Reference.ISSUER).getPPr().getPBdr().getBottom().getColor()).isEqualTo("FF0000");
        assertThat(paragraph("一、工作动态").orElseThrow().getPPr().getPStyle().getVal()).isEqualTo(Reference.H1);
        assertThat(paragraph("（一）省级重点民生实事").orElseThrow().getPPr().getPStyle().getVal()).isEqualTo(Reference.H2);
        assertThat(paragraph("工 作 专 报").orElseThrow().getPPr().getPStyle().getVal()).isEqualTo(Reference.MASTHEAD);
        var fonts = doc.getMainDocumentPart().getFontTablePart().getJaxbElement().getFont();
        assertThat(fonts).anySatisfy(f -> {
            assertThat(f.getName()).isEqualTo("仿宋_GB2312");
            assertThat(f.getAltName().getVal()).isEqualTo("仿宋");
        });
    }

    @Test
    void footersCarryThePageFieldBetweenDashesOddRightEvenLeft() {
        List<FooterPart> footers = new ArrayList<>();
        for (Part p : doc.getParts().getParts().values()) {
            // (The landscape section's own two, turned in the left margin: FinishingTest.)
            if (p instanceof FooterPart fp && !fp.getPartName().getName().contains("landscape")) {
                footers.add(fp);
            }
        }
        assertThat(footers).hasSize(2);
        for (FooterPart fp : footers) {
            P p = (P) fp.getJaxbElement().getContent().get(0);
            String style = p.getPPr().getPStyle().getVal();
            assertThat(style).isIn(Reference.FOOTER_ODD, Reference.FOOTER_EVEN);
            CTSimpleField field = p.getContent().stream().filter(o -> o instanceof JAXBElement<?>)
                    .map(o -> ((JAXBElement<?>) o).getValue()).filter(v -> v instanceof CTSimpleField)
                    .map(v -> (CTSimpleField) v).findFirst().orElseThrow();
            assertThat(field.getInstr().trim()).isEqualTo("PAGE");
            R dash = (R) p.getContent().get(0);
            assertThat(dash.getRPr().getRFonts().getHint().value()).isEqualTo("eastAsia");
            assertThat(XmlUtils.marshaltoString(dash)).contains("— ");
        }
        assertThat(style(Reference.FOOTER_ODD).getPPr().getJc().getVal().value()).isEqualTo("right");
        assertThat(style(Reference.FOOTER_EVEN).getPPr().getJc().getVal().value()).isEqualTo("left");
        assertThat(style(Reference.FOOTER_ODD).getRPr().getSz().getVal().intValue()).isEqualTo(28); // 4号
        assertThat(style(Reference.FOOTER_ODD).getRPr().getRFonts().getEastAsia()).isEqualTo("宋体");
    }

    static List<Tbl> tables() {
        List<Tbl> out = new ArrayList<>();
        for (Object o : body()) {
            Object v = XmlUtils.unwrap(o);
            if (v instanceof Tbl t) {
                out.add(t);
            }
        }
        return out;
    }

    static List<Tr> rows(Tbl t) {
        return t.getContent().stream().map(XmlUtils::unwrap).filter(o -> o instanceof Tr).map(o -> (Tr) o).toList();
    }

    static List<Tc> cells(Tr r) {
        return r.getContent().stream().map(XmlUtils::unwrap).filter(o -> o instanceof Tc).map(o -> (Tc) o).toList();
    }

    static String text(Tc c) {
        StringBuilder sb = new StringBuilder();
        var m = java.util.regex.Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>").matcher(XmlUtils.marshaltoString(c));
        while (m.find()) {
            sb.append(m.group(1));
        }
        return sb.toString();
    }

    @Test
    void appendixTablesRepeatTheirHeaderMergeEachIndicatorAndShadeTheCards() {
        List<Tbl> t = tables();
        assertThat(t).hasSize(3); // 附件1, 附件2 and 附件3 (the samples have May's platform counts)
        Tbl province = t.get(0);
        List<Tr> rows = rows(province);
        assertThat(XmlUtils.marshaltoString(rows.get(0))).contains("tblHeader");
        assertThat(XmlUtils.marshaltoString(rows.get(1))).contains("cantSplit").doesNotContain("tblHeader");
        // Each indicator's name cell spans its three rows: restart on 指标, continue on 数量 and 进度.
        Tc name = cells(rows.get(1)).get(3);
        assertThat(name.getTcPr().getVMerge().getVal()).isEqualTo("restart");
        assertThat(cells(rows.get(2)).get(3).getTcPr().getVMerge().getVal()).isNull();
        assertThat(cells(rows.get(3)).get(3).getTcPr().getVMerge()).isNotNull();
        assertThat(cells(rows.get(4)).get(3).getTcPr().getVMerge().getVal()).isEqualTo("restart");

        // 03-05 behind (yellow card): its 进度 row is shaded yellow where behind; 15-01 (red card) in red.
        assertThat(shadedRows(province, "FFFF00")).containsOnly("进度").isNotEmpty();
        assertThat(shadedRows(t.get(1), "FF7C80")).containsOnly("进度").hasSize(1);
        assertThat(shadedRows(province, "FF7C80")).isEmpty();
    }

    /** The row labels (推进情况) of the rows that have a cell shaded {@code fill}. */
    static List<String> shadedRows(Tbl t, String fill) {
        List<String> out = new ArrayList<>();
        for (Tr r : rows(t)) {
            if (cells(r).stream().anyMatch(c -> c.getTcPr().getShd() != null
                    && fill.equals(c.getTcPr().getShd().getFill()))) {
                out.add(cells(r).stream().map(DocxLayoutTest::text)
                        .filter(x -> x.equals("指标") || x.equals("数量") || x.equals("进度")).findFirst().orElse("?"));
            }
        }
        return out;
    }

    @Test
    void theChartIsEmbeddedWhereAChineseFontExists() {
        boolean image = doc.getParts().getParts().values().stream().anyMatch(p -> p instanceof BinaryPartAbstractImage);
        if (Chart.chineseFont().isPresent()) {
            assertThat(image).isTrue();
            assertThat(paragraph("图1  5月各指标完成全年任务情况（红色为未达到序时进度，虚线为序时进度）")).isPresent();
        } else {
            assertThat(image).isFalse();
            assertThat(run.out()).contains("本机没有能显示中文的字体");
        }
    }

    @Test
    void theDocumentSurvivesARoundTripWithoutLoss() throws Exception {
        String before = XmlUtils.marshaltoString(doc.getMainDocumentPart().getJaxbElement());
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        doc.save(saved);
        WordprocessingMLPackage again = WordprocessingMLPackage.load(new ByteArrayInputStream(saved.toByteArray()));
        assertThat(XmlUtils.marshaltoString(again.getMainDocumentPart().getJaxbElement())).isEqualTo(before);
        assertThat(again.getParts().getParts().keySet()).isEqualTo(doc.getParts().getParts().keySet());
    }

    @Test
    void theAppendixIsAlsoAWorkbookWithTheSameCells() throws IOException {
        XSSFWorkbook wb = appendixWorkbook();
        assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("附件1");
        assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("附件2");
        XSSFSheet sh = wb.getSheetAt(0);
        assertThat(sh.getRow(0).getCell(0).getStringCellValue()).isEqualTo("省级重点民生实事项目5月推进情况统计表");
        Tbl province = tables().get(0);
        for (int r = 0; r < 12; r++) {
            List<Tc> docCells = cells(rows(province).get(r));
            var row = sh.getRow(r + 1);
            // The last unit's cell: the same text in the document and the workbook.
            String inDoc = text(docCells.get(docCells.size() - 1));
            var cell = row.getCell(row.getLastCellNum() - 1);
            String inXlsx = new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell);
            assertThat(inXlsx).as("row %d", r).isEqualTo(inDoc);
        }
    }

    @Test
    void theWorkbookKeepsTheTableLayoutTheShadingAndThePage() throws IOException {
        bulletin.model.Snapshot snap = bulletin.ingest.SnapshotReader.parse(
                Files.readString(ws.resolve("out/2026-05/bulletin.json")));
        AppendixLayout table = AppendixLayout.of(snap, bulletin.model.Level.PROVINCE);
        XSSFWorkbook wb = appendixWorkbook();
        XSSFSheet sh = wb.getSheetAt(0);
        int columns = table.columns();
        assertThat(sh.getMergedRegions()).extracting(Object::toString)
                .contains(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, columns - 1).toString());
        // Each indicator's name and unit span its three rows (指标, 数量, 进度).
        // (The layout's row r is the sheet's row r + 1, under the title.)
        assertThat(table.blocks()).isNotEmpty().allSatisfy(b -> assertThat(sh.getMergedRegions())
                .filteredOn(m -> m.getFirstRow() == b + 1 && m.isInRange(b + 1, 3))
                .singleElement().matches(m -> m.getLastRow() - m.getFirstRow() == 2, "three rows"));
        // Shading: one filled cell for every unit behind schedule, in the colours of the settings.
        long behind = table.rows().stream().flatMap(List::stream)
                .filter(c -> c.shade() != AppendixLayout.Shade.NONE).count();
        long filled = 0;
        java.util.Set<String> colours = new java.util.TreeSet<>();
        for (var row : sh) {
            for (var cell : row) {
                var st = (org.apache.poi.xssf.usermodel.XSSFCellStyle) cell.getCellStyle();
                if (st.getFillPattern() == org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND) {
                    filled++;
                    colours.add(st.getFillForegroundXSSFColor().getARGBHex().substring(2));
                }
                assertThat(st.getBorderTop()).isEqualTo(org.apache.poi.ss.usermodel.BorderStyle.THIN);
                assertThat(st.getFont().getFontName()).isEqualTo("宋体");
            }
        }
        assertThat(behind).isPositive();
        assertThat(filled).isEqualTo(behind);
        assertThat(colours).isSubsetOf("FFFF00", "FF7C80").isNotEmpty();
        // Figures are numbers, shown with the decimals the document shows (a carried one with its ＊).
        var numbers = new ArrayList<org.apache.poi.ss.usermodel.Cell>();
        sh.forEach(row -> row.forEach(c -> {
            if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                numbers.add(c);
            }
        }));
        assertThat(numbers).isNotEmpty().allSatisfy(c -> assertThat(c.getCellStyle().getDataFormatString())
                .matches("0(\\.0+)?%?(\"＊\")?|General"));
        assertThat(sh.getRow(0).getCell(0).getCellStyle().getFont()).extracting(f -> f.getBold()).isEqualTo(true);
        assertThat(sh.getColumnWidth(3)).isEqualTo(30 * 256);
        assertThat(sh.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sh.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 7);
        assertThat(sh.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
        assertThat(sh.getRepeatingRows()).hasToString(new org.apache.poi.ss.util.CellRangeAddress(1, 1, -1, -1)
                .toString());
        assertThat(sh.getPrintSetup().getLandscape()).isTrue();
        assertThat(sh.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        assertThat(sh.getFitToPage()).isTrue();
        assertThat(sh.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(sh.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
    }

    @Test
    void theWorkbooksProgressCellsArePercentagesThatSortAndSum() throws IOException {
        XSSFWorkbook wb = appendixWorkbook();
        var fmt = new org.apache.poi.ss.usermodel.DataFormatter();
        int percentages = 0;
        for (XSSFSheet sh : List.of(wb.getSheetAt(0), wb.getSheetAt(1))) {
            for (var row : sh) {
                var label = row.getCell(5);
                if (label == null || !"进度".equals(label.getStringCellValue())) {
                    continue;
                }
                for (int c = AppendixLayout.FIRST_FIGURE; c < row.getLastCellNum(); c++) {
                    var cell = row.getCell(c);
                    if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        assertThat(cell == null ? "" : fmt.formatCellValue(cell)).as("%s!%s", sh.getSheetName(),
                                cell == null ? c : cell.getAddress()).doesNotEndWith("%");
                        continue;
                    }
                    percentages++;
                    assertThat(cell.getCellStyle().getDataFormatString()).matches("0\\.00%(\"＊\")?");
                    String shown = fmt.formatCellValue(cell).replace(AppendixLayout.MARK, "");
                    assertThat(new java.math.BigDecimal(shown.replace("%", "")).movePointLeft(2))
                            .isEqualByComparingTo(java.math.BigDecimal.valueOf(cell.getNumericCellValue()));
                }
            }
        }
        assertThat(percentages).isGreaterThan(100);
        // 01-01's 全市 completion: 101.59% in the document, 1.0159 in the workbook.
        assertThat(wb.getSheetAt(0).getRow(4).getCell(AppendixLayout.FIRST_FIGURE).getNumericCellValue())
                .isEqualTo(1.0159);
    }

    @Test
    void headingsKeepWithTheParagraphTheyHead() {
        for (String id : List.of(Reference.H1, Reference.H2, Reference.H3)) {
            assertThat(style(id).getPPr().getKeepNext()).as(id).isNotNull();
            assertThat(style(id).getPPr().getKeepNext().isVal()).as(id).isTrue();
        }
        assertThat(style(Reference.BODY).getPPr().getKeepNext()).isNull();
        assertThat(style(Reference.H3).getRPr().getB().isVal()).isTrue();
    }

    @Test
    void theDocumentDefaultsAreChineseForLibreOfficeAndWord() {
        var defaults = doc.getMainDocumentPart().getStyleDefinitionsPart().getJaxbElement().getDocDefaults();
        assertThat(defaults.getRPrDefault().getRPr().getLang().getEastAsia()).isEqualTo("zh-CN");
        // Figures are Latin text: marked English, LibreOffice does not break a line inside "100.00%".
        assertThat(defaults.getRPrDefault().getRPr().getLang().getVal()).isEqualTo("en-US");
        assertThat(defaults.getPPrDefault().getPPr().getWidowControl().isVal()).isTrue();
    }

    @Test
    void everyAppendixBlockKeepsItsRowsTogether() throws IOException {
        bulletin.model.Snapshot snap = bulletin.ingest.SnapshotReader.parse(
                Files.readString(ws.resolve("out/2026-05/bulletin.json")));
        List<Tbl> t = tables();
        int checked = 0;
        for (bulletin.model.Level level : bulletin.model.Level.values()) {
            AppendixLayout layout = AppendixLayout.of(snap, level);
            List<Tr> rows = rows(t.get(level.ordinal()));
            assertThat(rows).hasSize(layout.rows().size());
            for (int b : layout.blocks()) {
                // 指标 and 数量 keep with the row below; 进度, the block's last row, does not (but the table's last
                // row keeps with the notes under it: FinishingTest).
                assertThat(keepsWithNext(rows.get(b))).as("%s row %d", level, b).isTrue();
                assertThat(keepsWithNext(rows.get(b + 1))).as("%s row %d", level, b + 1).isTrue();
                assertThat(keepsWithNext(rows.get(b + 2))).as("%s row %d", level, b + 2)
                        .isEqualTo(b + 2 == rows.size() - 1 && !layout.notes().isEmpty());
                checked++;
            }
            assertThat(rows).allSatisfy(r -> assertThat(XmlUtils.marshaltoString(r)).contains("cantSplit"));
            assertThat(keepsWithNext(rows.get(0))).isFalse();
        }
        assertThat(checked).isEqualTo(snap.indicators().size());
    }

    /** Every paragraph of the row keeps with the next; false where none does; a mixed row fails the test. */
    static boolean keepsWithNext(Tr r) {
        List<Boolean> keeps = new ArrayList<>();
        for (Tc c : cells(r)) {
            for (Object o : c.getContent()) {
                if (o instanceof P p) {
                    keeps.add(p.getPPr() != null && p.getPPr().getKeepNext() != null && p.getPPr().getKeepNext().isVal());
                }
            }
        }
        assertThat(keeps).isNotEmpty().containsOnly(keeps.get(0));
        return keeps.get(0);
    }

    static List<P> paragraphs() {
        return body().stream().filter(o -> o instanceof P).map(o -> (P) o).toList();
    }

    @Test
    void aBlankLineStandsBeforeTheAttachmentListWhoseItemsAlign() {
        List<P> ps = paragraphs();
        int first = -1;
        for (int i = 0; i < ps.size(); i++) {
            if (Reference.ATTACH.equals(PageFit.style(ps.get(i)))) {
                first = i;
                break;
            }
        }
        assertThat(first).isPositive();
        assertThat(PageFit.text(ps.get(first))).startsWith("附件：1.");
        assertThat(PageFit.text(ps.get(first - 1))).isEmpty();
        assertThat(PageFit.text(ps.get(first - 2))).isNotEmpty();
        assertThat(PageFit.style(ps.get(first + 1))).isEqualTo(Reference.ATTACH_MORE);
        assertThat(PageFit.text(ps.get(first + 1))).startsWith("2.");
        // Absolute indents (LibreOffice ignores the character ones): "附件：" two characters in, "1." after it;
        // "2." exactly under "1."; a long name wraps under its own first character in both.
        var one = style(Reference.ATTACH).getPPr().getInd();
        var two = style(Reference.ATTACH_MORE).getPPr().getInd();
        int oneAt = one.getLeft().intValue() - one.getHanging().intValue();
        int twoAt = two.getLeft().intValue() - two.getHanging().intValue();
        assertThat(oneAt).isEqualTo(2 * Reference.CHAR);
        assertThat(twoAt).isEqualTo(oneAt + DocxWriter.textWidth("附件："));
        assertThat(one.getLeft()).isEqualTo(two.getLeft());
        assertThat(two.getLeft().intValue()).isEqualTo(twoAt + DocxWriter.textWidth("1."));
    }

    @Test
    void theSignatureFollowsABlankLineAndKeepsWithTheText() {
        List<P> sign = paragraphs().stream().filter(p -> Reference.SIGN.equals(PageFit.style(p))).toList();
        assertThat(sign).extracting(PageFit::text).containsExactly("市“实现好惠民生增福祉的期盼”工作专班", "2026年5月30日");
        // (Where the office and the date stand: FinishingTest, GB/T 9704 7.3.5.1.)
        // A blank line between the attachment list and the signature.
        List<P> ps = paragraphs();
        assertThat(PageFit.text(ps.get(ps.indexOf(sign.get(0)) - 1))).isEmpty();
        // From the last paragraph of text to the date, each keeps with the next: the 附件 list and the 落款 never
        // stand on a page without text.
        int attach = ps.indexOf(paragraphs().stream().filter(p -> PageFit.style(p).equals(Reference.ATTACH))
                .findFirst().orElseThrow());
        int date = ps.indexOf(sign.get(sign.size() - 1));
        int text = attach - 2;
        while (PageFit.style(ps.get(text)).startsWith("Heading")) {
            text--;
        }
        // (LibreOffice would move a long paragraph whole: a long one stays out of the chain.)
        assertThat(PageFit.text(ps.get(text))).isNotEmpty();
        assertThat(PageFit.lines(ps.get(text))).isLessThanOrEqualTo(DocxWriter.SHORT);
        for (int i = text; i <= date; i++) {
            var keep = ps.get(i).getPPr().getKeepNext();
            assertThat(keep != null && keep.isVal()).as(PageFit.text(ps.get(i))).isEqualTo(i < date);
        }
        assertThat(ps.get(text - 1).getPPr().getKeepNext()).isNull();
    }

    @Test
    void theChartKeepsWithItsCaption() {
        if (Chart.chineseFont().isEmpty()) {
            return;
        }
        List<P> ps = paragraphs();
        P caption = paragraph("图1  5月各指标完成全年任务情况（红色为未达到序时进度，虚线为序时进度）").orElseThrow();
        P picture = ps.get(ps.indexOf(caption) - 1);
        assertThat(XmlUtils.marshaltoString(picture)).contains("<w:drawing>");
        assertThat(picture.getPPr().getKeepNext().isVal()).isTrue();
    }

    /**
     * The chart's labels are the numbers the text gives: "N. item" headings within each level's section and
     * "（k）indicator" paragraphs under them, read back from the document.
     */
    /**
     * Bug (page review): 附件3 began with a paragraph holding only a page break; where 附件2 filled its last page,
     * that paragraph made a blank page. Each appendix after the first starts a page by its label's own property.
     */
    @Test
    void anAppendixStartsItsPageByItsLabelNotByABreakParagraph() {
        List<P> labels = paragraphs().stream().filter(p -> PageFit.text(p).matches("附件\\d")).toList();
        assertThat(labels).extracting(PageFit::text).containsExactly("附件1", "附件2", "附件3");
        for (P p : labels.subList(1, labels.size())) {
            assertThat(p.getPPr().getPageBreakBefore()).as(PageFit.text(p)).isNotNull();
        }
        assertThat(paragraphs()).noneMatch(p -> PageFit.text(p).isEmpty()
                && org.docx4j.XmlUtils.marshaltoString(p).contains("w:type=\"page\""));
    }

    @Test
    void theChartNumbersIndicatorsAsTheTextDoes() throws IOException {
        bulletin.model.Snapshot snap = bulletin.ingest.SnapshotReader.parse(
                Files.readString(ws.resolve("out/2026-05/bulletin.json")));
        // "province|N|k|the paragraph after （k）" for indicators, "province|N||the item's name" for items.
        List<String> inText = new ArrayList<>();
        String level = null;
        String item = null;
        for (P p : paragraphs()) {
            String text = PageFit.text(p);
            String style = PageFit.style(p);
            if (style.equals(Reference.H1)) {
                level = null;
            } else if (style.equals(Reference.H2)) {
                level = text.contains("省级") ? "province" : text.contains("市级") ? "city" : null;
            } else if (level != null && style.equals(Reference.H3)) {
                var m = java.util.regex.Pattern.compile("^(\\d+)\\. (.*)$").matcher(text);
                assertThat(m.matches()).as(text).isTrue();
                item = m.group(1);
                inText.add(level + "|" + item + "||" + m.group(2));
            } else if (level != null && item != null) {
                var m = java.util.regex.Pattern.compile("^（(\\d+)）(.*)$").matcher(text);
                if (m.matches()) {
                    inText.add(level + "|" + item + "|" + m.group(1) + "|" + m.group(2));
                }
            }
        }
        var numbers = Chart.numbers(snap);
        // An indicator with nothing to say but its target is left out of the text, and so of the numbering.
        var shown = snap.indicators().stream().filter(Wording::shown).toList();
        assertThat(numbers).hasSize(shown.size()).hasSizeLessThan(snap.indicators().size());
        for (var i : shown) {
            String n = numbers.get(i.code());
            String key = i.level().id() + "|" + (n.contains("(") ? n.replace("(", "|").replace(")", "") : n + "|") + "|";
            String name = n.contains("(") ? i.name() + "。" : i.name();
            assertThat(inText).as(i.code() + " " + n).anyMatch(t -> t.startsWith(key + name));
        }
        assertThat(numbers).containsEntry("15-01", "5").containsEntry("16-02", "6(2)").containsEntry("03-05", "3(3)");
    }

    @Test
    void a3PaperAndNoChartFromTheWorkspaceSettings(@TempDir Path other) throws Exception {
        SampleWorkspace.copyTo(other);
        GeneratedSamples.addAprilTo(other); // April's bulletin: May's run need not recompute April (not tested here)
        Files.writeString(other.resolve("bulletin.yaml"), "\nappendix: {paper: A3, behind: none}\nchart: false\n"
                + "stamp: （汨罗市人力资源和社会保障局代章）\n", java.nio.file.StandardOpenOption.APPEND);
        Cli.Run r = Cli.in(other, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(r.code()).as(r.toString()).isZero();
        WordprocessingMLPackage d = WordprocessingMLPackage.load(other.resolve("out/2026-05/工作专报（第3期）.docx").toFile());
        SectPr last = d.getMainDocumentPart().getJaxbElement().getBody().getSectPr();
        assertThat(last.getPgSz().getW().intValue()).isEqualTo(23811);
        assertThat(d.getParts().getParts().values()).noneMatch(p -> p instanceof BinaryPartAbstractImage);
        String body = XmlUtils.marshaltoString(d.getMainDocumentPart().getJaxbElement()); // marshalled once
        assertThat(body).doesNotContain("FFFF00");
        assertThat(body).contains(">（汨罗市人力资源和社会保障局代章）<");

        Files.writeString(other.resolve("bulletin.yaml"), "\nappendix: {paper: B5}\n");
        Cli.Run bad = Cli.in(other, "generate", "--month", "5", "--date", "2026-05-30", "--force");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("appendix.paper 只能是 A4 或 A3");
    }

    @Test
    void pdfWithoutLibreOfficeSaysSoAfterWritingTheDocument(@TempDir Path other) throws Exception {
        SampleWorkspace.copyTo(other);
        GeneratedSamples.addAprilTo(other); // April's bulletin: May's run need not recompute April (not tested here)
        // No chart either: this test is about the PDF step after the document is written, not the chart.
        Files.writeString(other.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND);
        System.setProperty("bulletin.soffice", other.resolve("no-such-soffice").toString());
        try {
            Cli.Run r = Cli.in(other, "generate", "--month", "5", "--date", "2026-05-30", "--pdf");
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("没有找到 LibreOffice");
            assertThat(other.resolve("out/2026-05/工作专报（第3期）.docx")).isRegularFile();
            assertThat(other.resolve("out/2026-05/工作专报（第3期）.pdf")).doesNotExist();
        } finally {
            System.clearProperty("bulletin.soffice");
        }
    }
}
