package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * An adversarial look at {@link XmlScanner}: hostile and unusual edits of a real form's parts, each read by the
 * scanner and by the JDK's StAX parser (the reference kept in {@link XlsxReader}); every case must read the same
 * (the same cells, values, merges, hidden flags and sheets, or the same refusal). Each case is a test of its own,
 * named after its edit, so that a difference names its input.
 */
@Isolated("reads within a time budget")
class XmlScannerHostileTest {

    @TempDir
    static Path dir;

    private static Map<String, byte[]> form;
    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String STRINGS = "xl/sharedStrings.xml";
    private static final String WORKBOOK = "xl/workbook.xml";

    @BeforeAll
    static void loadForm() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("samples/miluo-2026/progress/2026-05"))) {
            Path first = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
            form = XmlScannerTest.unzip(Files.readAllBytes(first));
        }
    }

    // ------------------------------------------------------------------------------------------------ cases

    /** Edits of the sheet's XML, as text (written back as UTF-8). */
    private static Map<String, UnaryOperator<String>> sheetEdits() {
        Map<String, UnaryOperator<String>> e = new LinkedHashMap<>();
        // XML declaration
        e.put("decl-encoding-lower-utf8", x -> decl(x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        e.put("decl-encoding-gbk", x -> decl(x, "<?xml version=\"1.0\" encoding=\"GBK\"?>"));
        e.put("decl-encoding-utf16", x -> decl(x, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"));
        e.put("decl-encoding-latin1", x -> decl(x, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"));
        e.put("decl-encoding-unknown", x -> decl(x, "<?xml version=\"1.0\" encoding=\"no-such-charset\"?>"));
        e.put("decl-encoding-empty", x -> decl(x, "<?xml version=\"1.0\" encoding=\"\"?>"));
        e.put("decl-encoding-digit-first", x -> decl(x, "<?xml version=\"1.0\" encoding=\"8bit\"?>"));
        e.put("decl-single-quotes-spaces", x -> decl(x, "<?xml version = '1.0'  encoding = 'UTF-8'  standalone = 'no' ?>"));
        e.put("decl-standalone-maybe", x -> decl(x, "<?xml version=\"1.0\" standalone=\"maybe\"?>"));
        e.put("decl-standalone-before-encoding", x -> decl(x, "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?>"));
        e.put("decl-version-charref", x -> decl(x, "<?xml version=\"1&#46;0\"?>"));
        e.put("decl-version-1.1", x -> decl(x, "<?xml version=\"1.1\" encoding=\"UTF-8\"?>"));
        e.put("decl-version-1.1-nel-and-ls-in-text", x -> cell(decl(x, "<?xml version=\"1.1\"?>"),
                "<c r=\"Z1\" t=\"inlineStr\"><is><t>a\u0085b\u2028c\r\u0085d</t></is></c>"));
        e.put("decl-version-1.1-charref-1", x -> cell(decl(x, "<?xml version=\"1.1\"?>"),
                "<c r=\"Z1\" t=\"inlineStr\"><is><t>a&#1;b</t></is></c>"));
        e.put("decl-version-1.1-raw-c1", x -> cell(decl(x, "<?xml version=\"1.1\"?>"),
                "<c r=\"Z1\" t=\"inlineStr\"><is><t>a\u0080b</t></is></c>"));
        e.put("decl-version-1.1-nel-in-attribute", x -> decl(x, "<?xml version=\"1.1\"?>")
                .replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"a\u0085b\""));
        e.put("decl-version-1.0-nel-in-text", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a\u0085b\u2028c</t></is></c>"));
        e.put("decl-with-bom", x -> "\uFEFF" + x);
        e.put("no-decl-with-bom", x -> "\uFEFF" + x.substring(x.indexOf("?>") + 2));
        e.put("decl-uppercase-XML", x -> x.replaceFirst("<\\?xml", "<?XML"));
        e.put("decl-no-space-before-version", x -> decl(x, "<?xmlversion=\"1.0\"?>"));
        e.put("decl-pi-before", x -> decl(x, "<?foo bar?><?xml version=\"1.0\"?>"));
        // DOCTYPE and entities
        e.put("doctype-billion-laughs", x -> decl(x, "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>").replace("<sheetData>", "<sheetData><row r=\"900\"><c r=\"Z1\" t=\"inlineStr\"><is><t>&d;</t></is></c></row>"));
        e.put("doctype-external-entity", x -> decl(x, "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
                .replace("<sheetData>", "<sheetData><row r=\"900\"><c r=\"Z1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>"));
        e.put("doctype-external-dtd", x -> decl(x, "<?xml version=\"1.0\"?><!DOCTYPE worksheet SYSTEM \"http://127.0.0.1:9/x.dtd\">"));
        e.put("doctype-lowercase", x -> decl(x, "<?xml version=\"1.0\"?><!doctype worksheet>"));
        e.put("doctype-after-root", x -> x + "<!DOCTYPE x>");
        e.put("doctype-after-comment", x -> decl(x, "<?xml version=\"1.0\"?><!-- c --><!DOCTYPE worksheet>"));
        e.put("doctype-in-v", x -> cell(x, "<c r=\"Z1\"><v>1<!DOCTYPE x>2</v></c>"));
        // comments and processing instructions
        e.put("comment-in-v", x -> cell(x, "<c r=\"Z1\"><v>1<!-- x -->2</v></c>"));
        e.put("pi-in-v", x -> cell(x, "<c r=\"Z1\"><v>1<?p q?>2</v></c>"));
        e.put("pi-without-data-in-v", x -> cell(x, "<c r=\"Z1\"><v>1<?p?>2</v></c>"));
        e.put("comments-between-cells", x -> cell(x, "<!--a--><c r=\"Z1\"><!--b--><v>3</v><!--c--></c><?p?><c r=\"Z2\"><v>4</v></c>"));
        e.put("comment-empty", x -> cell(x, "<c r=\"Z1\"><v>1<!---->2</v></c>"));
        e.put("comment-three-dashes-open", x -> cell(x, "<c r=\"Z1\"><v>1<!--->2</v></c>"));
        e.put("comment-inside-start-tag", x -> x.replace("<c r=\"A1\"", "<c <!-- x --> r=\"A1\""));
        e.put("comment-unclosed-at-end", x -> x + "<!-- x");
        e.put("comment-after-root", x -> x + "<!-- x --><?p q?>\n");
        e.put("pi-target-with-colon", x -> cell(x, "<c r=\"Z1\"><v>1<?a:b c?>2</v></c>"));
        e.put("pi-target-xml-inside", x -> cell(x, "<c r=\"Z1\"><v>1<?xml version=\"1.0\"?>2</v></c>"));
        e.put("pi-target-xml-foo", x -> cell(x, "<c r=\"Z1\"><v>1<?xml-foo?>2</v></c>"));
        e.put("pi-no-target", x -> cell(x, "<c r=\"Z1\"><v>1<? x?>2</v></c>"));
        e.put("pi-target-and-data-not-spaced", x -> cell(x, "<c r=\"Z1\"><v>1<?p\"q\"?>2</v></c>"));
        // CDATA
        e.put("cdata-in-v", x -> cell(x, "<c r=\"Z1\"><v><![CDATA[5]]></v></c>"));
        e.put("cdata-in-v-around-text", x -> cell(x, "<c r=\"Z1\"><v>1<![CDATA[2]]>3</v></c>"));
        e.put("cdata-empty", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a<![CDATA[]]>b</t></is></c>"));
        e.put("cdata-brackets", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t><![CDATA[]]]]><![CDATA[>]]]><![CDATA[]x]]></t></is></c>"));
        e.put("cdata-crlf", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t><![CDATA[a\r\nb\rc]]></t></is></c>"));
        e.put("cdata-cr-before-end", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t><![CDATA[a\r]]>\nb</t></is></c>"));
        e.put("cdata-entity-kept", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t><![CDATA[&amp;&#65;&nbsp;]]></t></is></c>"));
        e.put("cdata-lowercase", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t><![cdata[x]]></t></is></c>"));
        e.put("cdata-unclosed", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t><![CDATA[x</t></is></c>"));
        e.put("cdata-in-sheetData", x -> x.replace("<sheetData>", "<sheetData><![CDATA[x]]>"));
        // character references
        e.put("charref-hex-and-decimal", x -> inline(x, "&#x4E2D;&#20013;&#x1F600;&#128512;"));
        e.put("charref-0", x -> inline(x, "&#0;"));
        e.put("charref-x0", x -> inline(x, "&#x0;"));
        e.put("charref-d800", x -> inline(x, "&#xD800;"));
        e.put("charref-dfff-decimal", x -> inline(x, "&#57343;"));
        e.put("charref-110000", x -> inline(x, "&#x110000;"));
        e.put("charref-huge-decimal", x -> inline(x, "&#99999999999999999999;"));
        e.put("charref-huge-hex-wraps", x -> inline(x, "&#x100000041;"));
        e.put("charref-empty", x -> inline(x, "&#;"));
        e.put("charref-empty-hex", x -> inline(x, "&#x;"));
        e.put("charref-uppercase-X", x -> inline(x, "&#X41;"));
        e.put("charref-no-semicolon", x -> inline(x, "&#x41 b"));
        e.put("charref-negative", x -> inline(x, "&#-65;"));
        e.put("charref-plus", x -> inline(x, "&#x+41;"));
        e.put("charref-space", x -> inline(x, "&# 65;"));
        e.put("charref-fffe-ffff", x -> inline(x, "&#xFFFF;"));
        e.put("charref-tab-cr-lf", x -> inline(x, "a&#9;b&#13;c&#10;d&#13;&#10;e"));
        e.put("charref-long-leading-zeros-invalid", x -> inline(x, "&#x000000000000000000000;"));
        e.put("charref-long-leading-zeros-no-semicolon", x -> inline(x, "&#00000000000000000065<"));
        e.put("charref-long-at-end-of-text", x -> inline(x, "&#0000000000000000000065"));
        // entities
        e.put("entity-nbsp", x -> inline(x, "a&nbsp;b"));
        e.put("entity-uppercase-AMP", x -> inline(x, "a&AMP;b"));
        e.put("entity-no-semicolon", x -> inline(x, "a&amp b"));
        e.put("entity-long-name", x -> inline(x, "&abcdefghijklmnopqrstuvwxyz;"));
        e.put("entity-empty", x -> inline(x, "&;"));
        e.put("entity-amp-at-end-of-text", x -> inline(x, "a&"));
        e.put("bare-gt-in-text", x -> inline(x, "a>b]>c]]d"));
        e.put("bare-lt-in-text", x -> inline(x, "a<b"));
        e.put("cdata-end-after-ref", x -> inline(x, "]]&gt;]&#93;>"));
        e.put("cdata-end-across-comment", x -> inline(x, "]]<!---->>"));
        // attributes
        e.put("attr-single-quotes", x -> x.replace("<c r=\"A1\" t=\"s\"", "<c r='A1' t='s'"));
        e.put("attr-spaces-around-equals", x -> x.replace("<c r=\"A1\" t=\"s\"", "<c r \t=\r\n \"A1\"  t\n=\n's'"));
        e.put("attr-mixed-quotes-inside", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo='a\"b' bar=\"a'b\""));
        e.put("attr-without-value", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" hidden"));
        e.put("attr-empty-value", x -> x.replace("<c r=\"A1\" t=\"s\"", "<c r=\"A1\" t=\"\""));
        e.put("attr-tab-in-type", x -> x.replace("<c r=\"A1\" t=\"s\"", "<c r=\"A1\" t=\"s\t\""));
        e.put("attr-charref-tab-in-ref", x -> x.replace("<c r=\"A1\" t=\"s\"", "<c r=\"A1&#9;\" t=\"s\""));
        e.put("attr-crlf-in-ref", x -> x.replace("<c r=\"A1\" t=\"s\"", "<c r=\"A1\r\n\" t=\"s\""));
        e.put("attr-gt-in-value", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"a>b\""));
        e.put("attr-lt-entity-in-value", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"&lt;&#60;\""));
        e.put("attr-bare-amp", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"a&b\""));
        e.put("attr-amp-no-semicolon-before-quote", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"a&amp\""));
        e.put("attr-charref-0", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"&#0;\""));
        e.put("attr-charref-surrogate", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"&#xDC00;\""));
        e.put("attr-duplicate-other-quotes", x -> x.replace("<c r=\"A1\" t=\"s\"", "<c r=\"A1\" t=\"s\" t='s'"));
        e.put("attr-duplicate-same-namespace", x -> cell(x, "<c xmlns:a=\"urn:u\" xmlns:b=\"urn:u\" a:x=\"1\" b:x=\"2\" r=\"Z1\"><v>1</v></c>"));
        e.put("attr-prefixed-ref-before-plain", x -> cell(x, "<c xmlns:p=\"urn:p\" p:r=\"Y5\" r=\"Z1\"><v>1</v></c>"));
        e.put("attr-prefixed-type-only", x -> cell(x, "<c xmlns:p=\"urn:p\" r=\"Z1\" p:t=\"s\"><v>1</v></c>"));
        e.put("xmlns-prefix-named-t-on-cell", x -> cell(x, "<c xmlns:t=\"s\" r=\"Z1\"><v>0</v></c>"));
        e.put("xmlns-prefix-named-r-on-cell", x -> cell(x, "<c xmlns:r=\"urn:r\" r=\"Z1\"><v>7</v></c>"));
        e.put("xmlns-prefix-named-r-on-cell-without-r", x -> cell(x, "<c xmlns:r=\"Y9\"><v>7</v></c>"));
        e.put("xmlns-prefix-named-hidden-on-row", x -> x.replace("<row r=\"2\"", "<row xmlns:hidden=\"1\" r=\"2\""));
        e.put("xmlns-prefix-named-s-on-cell", x -> cell(x, "<c xmlns:s=\"0\" r=\"Z1\"><v>0.5</v></c>"));
        e.put("xmlns-default-on-cell", x -> cell(x, "<c xmlns=\"urn:other\" r=\"Z1\"><v>1</v></c>"));
        e.put("xmlns-strict-namespace", x -> x.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                "http://purl.oclc.org/ooxml/spreadsheetml/main"));
        e.put("xmlns-xml-rebound", x -> cell(x, "<c xmlns:xml=\"urn:not-xml\" r=\"Z1\"><v>1</v></c>"));
        e.put("xmlns-xml-right-uri", x -> cell(x, "<c xmlns:xml=\"http://www.w3.org/XML/1998/namespace\" r=\"Z1\"><v>1</v></c>"));
        e.put("xmlns-other-prefix-to-xml-uri", x -> cell(x, "<c xmlns:p=\"http://www.w3.org/XML/1998/namespace\" r=\"Z1\"><v>1</v></c>"));
        e.put("xmlns-prefix-to-xmlns-uri", x -> cell(x, "<c xmlns:p=\"http://www.w3.org/2000/xmlns/\" r=\"Z1\"><v>1</v></c>"));
        e.put("xmlns-xmlns-declared", x -> cell(x, "<c xmlns:xmlns=\"urn:x\" r=\"Z1\"><v>1</v></c>"));
        e.put("xmlns-undeclare-default", x -> cell(x, "<c xmlns=\"\" r=\"Z1\"><v>1</v></c>"));
        e.put("xmlns-prefix-used-before-declared-in-tag", x -> cell(x, "<p:c p:x=\"1\" xmlns:p=\"urn:p\" r=\"Z1\"><p:v>1</p:v></p:c>"));
        e.put("xmlns-unbound-prefix-on-end-tag-only", x -> cell(x, "<c r=\"Z1\"><v>1</p:v></c>"));
        e.put("xmlns-prefix-on-xml-space", x -> inlineAttr(x, " xml:space=\"preserve\"", "  a \r\n b  "));
        e.put("xml-lang-attribute", x -> cell(x, "<c xml:lang=\"zh\" r=\"Z1\"><v>1</v></c>"));
        // elements
        e.put("self-closing-cell", x -> cell(x, "<c r=\"Z1\"/><c r=\"Z2\" t=\"s\"/><c r=\"Z3\" s=\"1\"/>"));
        e.put("empty-v-and-t", x -> cell(x, "<c r=\"Z1\"><v></v></c><c r=\"Z2\" t=\"inlineStr\"><is><t/></is></c><c r=\"Z3\" t=\"inlineStr\"><is/></c>"));
        e.put("self-closing-with-space", x -> cell(x, "<c r=\"Z1\" ><v >1</v ></c >"));
        e.put("self-closing-slash-space", x -> cell(x, "<c r=\"Z1\" / >"));
        e.put("element-name-emoji", x -> x.replace("<sheetData>", "<x\uD83D\uDE00/><sheetData>"));
        e.put("element-name-supplementary-cjk", x -> x.replace("<sheetData>", "<\uD840\uDC00/><sheetData>"));
        e.put("element-name-superscript", x -> x.replace("<sheetData>", "<x\u2070/><sheetData>"));
        e.put("element-name-middle-dot-start", x -> x.replace("<sheetData>", "<\u00B7x/><sheetData>"));
        e.put("element-name-digit-start-unicode", x -> x.replace("<sheetData>", "<\u0660x/><sheetData>"));
        e.put("element-name-unassigned-bmp", x -> x.replace("<sheetData>", "<x\u0870/><sheetData>"));
        e.put("element-name-long-2000", x -> x.replace("<sheetData>", "<" + "n".repeat(2000) + "/><sheetData>"));
        e.put("attribute-name-long-2000", x -> x.replace("<c r=\"A1\"", "<c " + "a".repeat(2000) + "=\"1\" r=\"A1\""));
        e.put("attributes-10001", x -> x.replace("<c r=\"A1\"", "<c " + attributes(10001) + " r=\"A1\""));
        e.put("attributes-9990", x -> x.replace("<c r=\"A1\"", "<c " + attributes(9990) + " r=\"A1\""));
        e.put("depth-63-inside-is", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is>" + "<r>".repeat(58) + "<t>x</t>" + "</r>".repeat(58) + "</is></c>"));
        e.put("v-with-child-element", x -> cell(x, "<c r=\"Z1\"><v><x/>1</v></c>"));
        e.put("t-with-child-element", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a<b>c</b></t></is></c>"));
        e.put("mismatched-prefix-in-end-tag", x -> x.replace("<worksheet ", "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "));
        e.put("end-tag-space-before-name", x -> x.replace("</worksheet>", "</ worksheet>"));
        e.put("start-tag-space-before-name", x -> cell(x, "< c r=\"Z1\"/>"));
        // text and white space
        e.put("xml-space-preserve-crlf", x -> inlineAttr(x, " xml:space=\"preserve\"", "\r\n  两端 空格 \t\r\n"));
        e.put("xml-space-preserve-charref-cr", x -> inlineAttr(x, " xml:space=\"preserve\"", "&#13;\n a&#13;&#10;b "));
        e.put("shared-text-with-cr-at-buffer-edge", x -> inline(x, "a".repeat(16 * 1024 - 1) + "\r\n" + "b".repeat(40000)));
        e.put("nul-in-text", x -> inline(x, "a\u0000b"));
        e.put("nul-in-attribute", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"\u0000\""));
        e.put("nul-in-comment", x -> x.replace("<sheetData>", "<!--\u0000--><sheetData>"));
        e.put("nul-in-pi", x -> x.replace("<sheetData>", "<?p \u0000?><sheetData>"));
        e.put("nul-in-cdata", x -> inline(x, "<![CDATA[\u0000]]>"));
        e.put("nul-in-element-name", x -> x.replace("<sheetData>", "<a\u0000/><sheetData>"));
        e.put("nul-outside-root", x -> x + "\u0000");
        e.put("del-and-c1-in-text", x -> inline(x, "a\u007Fb\u0080c\u009Fd"));
        e.put("raw-fffe-in-text", x -> inline(x, "a\uFFFEb"));
        e.put("raw-ffff-in-attribute", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"\uFFFF\""));
        e.put("raw-fffe-in-comment", x -> x.replace("<sheetData>", "<!--\uFFFE--><sheetData>"));
        e.put("raw-ffff-in-cdata", x -> inline(x, "<![CDATA[\uFFFF]]>"));
        e.put("raw-fffe-in-pi", x -> x.replace("<sheetData>", "<?p \uFFFE?><sheetData>"));
        e.put("nbsp-outside-root", x -> x + "\u00A0");
        e.put("ideographic-space-outside-root", x -> x + "\u3000");
        e.put("vertical-tab-in-attribute", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"\u000B\""));
        // XML 1.1, as the JDK reads it
        e.put("xml11-cr-nel-in-text", x -> cell(decl(x, "<?xml version=\"1.1\"?>"),
                "<c r=\"Z1\" t=\"inlineStr\"><is><t>a\r\u0085b\u2028c&#x85;d&#x2028;e</t></is></c>"));
        e.put("xml11-nel-ls-in-attribute", x -> decl(x, "<?xml version=\"1.1\"?>")
                .replace("<c r=\"A1\" t=\"s\"", "<c r=\"A1\u2028\" t=\"s\r\u0085\""));
        e.put("xml11-charref-1-in-attribute", x -> decl(x, "<?xml version=\"1.1\"?>")
                .replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"&#1;&#x7F;\""));
        e.put("xml11-charref-0", x -> cell(decl(x, "<?xml version=\"1.1\"?>"), "<c r=\"Z1\" t=\"inlineStr\"><is><t>&#0;</t></is></c>"));
        e.put("xml11-raw-c1-in-comment", x -> decl(x, "<?xml version=\"1.1\"?>").replace("<sheetData>", "<!--\u0086--><sheetData>"));
        e.put("xml11-raw-c1-in-pi", x -> decl(x, "<?xml version=\"1.1\"?>").replace("<sheetData>", "<?p \u0086?><sheetData>"));
        e.put("xml11-raw-c1-in-cdata", x -> cell(decl(x, "<?xml version=\"1.1\"?>"), "<c r=\"Z1\" t=\"inlineStr\"><is><t><![CDATA[\u0086]]></t></is></c>"));
        e.put("xml11-raw-del-in-text", x -> cell(decl(x, "<?xml version=\"1.1\"?>"), "<c r=\"Z1\" t=\"inlineStr\"><is><t>a\u007Fb</t></is></c>"));
        e.put("xml11-raw-c1-outside-root", x -> decl(x, "<?xml version=\"1.1\"?>") + "\u0085");
        e.put("xml11-nel-in-cdata", x -> cell(decl(x, "<?xml version=\"1.1\"?>"), "<c r=\"Z1\" t=\"inlineStr\"><is><t><![CDATA[a\r\u0085b\u0085c]]></t></is></c>"));
        e.put("xml11-nel-in-v", x -> cell(decl(x, "<?xml version=\"1.1\"?>"), "<c r=\"Z1\"><v>1\u2028</v></c>"));
        e.put("xml11-name-with-nel-char", x -> decl(x, "<?xml version=\"1.1\"?>").replace("<sheetData>", "<x\u2070/><sheetData>"));
        e.put("xml11-cr-nel-at-buffer-edge", x -> cell(decl(x, "<?xml version=\"1.1\"?>"),
                "<c r=\"Z1\" t=\"inlineStr\"><is><t>" + "a".repeat(16 * 1024 - 1) + "\r\u0085" + "b".repeat(40000) + "</t></is></c>"));
        e.put("xml10-after-xml11-declared-in-other-part", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a\u0085b</t></is></c>"));
        // namespace declarations named like the attributes the reader asks for
        e.put("xmlns-prefix-named-ref-on-mergeCell", x -> x.replace("<mergeCell ref=\"A1:K1\"", "<mergeCell xmlns:ref=\"A1:K9\" ref=\"A1:K1\""));
        e.put("xmlns-prefix-named-hidden-on-col", x -> x.replace("<col min=\"2\" max=\"2\"", "<col xmlns:hidden=\"1\" min=\"2\" max=\"2\""));
        e.put("xmlns-prefix-named-min-on-col", x -> x.replace("<col min=\"2\" max=\"2\"", "<col xmlns:min=\"1\" min=\"2\" max=\"2\" hidden=\"1\""));
        e.put("xmlns-prefix-named-t-on-inline-cell", x -> cell(x, "<c xmlns:t=\"n\" r=\"Z1\" t=\"inlineStr\"><is><t>文字</t></is></c>"));
        // cell values
        e.put("value-types", x -> cell(x, "<c r=\"Z1\" t=\"str\"><v>文字</v></c><c r=\"Z2\" t=\"b\"><v>1</v></c>"
                + "<c r=\"Z3\" t=\"e\"><v>#N/A</v></c><c r=\"Z4\" t=\"d\"><v>2026-05-01T00:00:00</v></c>"
                + "<c r=\"Z5\"><v>1E3</v></c><c r=\"Z6\"><v> 12 </v></c><c r=\"Z7\"><v>-0</v></c>"
                + "<c r=\"Z8\"><v>\r\n12\t</v></c><c r=\"Z9\"><v>1&#46;5</v></c>"));
        e.put("value-number-with-cdata-and-comment", x -> cell(x, "<c r=\"Z1\"><v><![CDATA[1]]><!-- -->2<?p?>3</v></c>"));
        e.put("formula-and-value", x -> cell(x, "<c r=\"Z1\"><f>1+1</f><v>2</v></c><c r=\"Z2\"><f/></c>"));
        e.put("cells-without-r", x -> x.replace("</sheetData>", "<row><c><v>1</v></c><c><v>2</v></c></row><row><c t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>"));
        e.put("hidden-row-and-col", x -> x.replace("<row r=\"2\"", "<row r=\"2\" hidden=\"1\"").replace("<col min=\"2\" max=\"2\"", "<col min=\"2\" max=\"2\" hidden=\"true\""));
        e.put("hidden-with-spaces", x -> x.replace("<row r=\"2\"", "<row r=\"2\" hidden=\" 1 \"").replace("<col min=\"2\" max=\"2\"", "<col min=\"2\" max=\"2\" hidden=\"&#9;true\""));
        e.put("merge-cells", x -> x.replace("</sheetData>", "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"Z900:Z901\"/></mergeCells>"));
        e.put("rich-inline-with-rph", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><r><t>汉</t></r><rPh sb=\"0\" eb=\"1\"><t>かん</t></rPh></is></c>"));
        return e;
    }

    /** Edits of the shared strings part. */
    private static Map<String, UnaryOperator<String>> stringEdits() {
        Map<String, UnaryOperator<String>> e = new LinkedHashMap<>();
        e.put("sst-rich-runs", x -> firstSi(x, "<si><r><t>填报</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t xml:space=\"preserve\"> 单位 </t></r></si>"));
        e.put("sst-phonetic", x -> firstSi(x, "<si><t>汉字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh><phoneticPr fontId=\"1\"/></si>"));
        e.put("sst-phonetic-empty-t", x -> firstSi(x, "<si><t>汉字</t><rPh sb=\"0\" eb=\"2\"><t/></rPh></si>"));
        e.put("sst-empty-si", x -> firstSi(x, "<si/>"));
        e.put("sst-t-self-closing", x -> firstSi(x, "<si><t/></si>"));
        e.put("sst-crlf-and-cr-ref", x -> firstSi(x, "<si><t xml:space=\"preserve\">a\r\nb&#13;c\r</t></si>"));
        e.put("sst-cdata", x -> firstSi(x, "<si><t><![CDATA[<b>粗</b>]]></t></si>"));
        e.put("sst-prefixed", x -> x.replace("<sst ", "<x:sst xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ")
                .replace("</sst>", "</x:sst>").replace("<si>", "<x:si>").replace("</si>", "</x:si>")
                .replace("<t>", "<x:t>").replace("</t>", "</x:t>"));
        e.put("sst-doctype", x -> decl(x, "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x \"x\">]>"));
        e.put("sst-truncated-mid-tag", x -> x.substring(0, x.indexOf("<si>", 200) + 3));
        e.put("sst-truncated-mid-entity", x -> firstSi(x, "<si><t>a&am").substring(0, x.indexOf("<si>") + 14));
        return e;
    }

    /** Edits of the workbook part. */
    private static Map<String, UnaryOperator<String>> workbookEdits() {
        Map<String, UnaryOperator<String>> e = new LinkedHashMap<>();
        e.put("wb-xmlns-prefix-named-state-on-sheet", x -> x.replace("<sheet name=\"进度填报\"", "<sheet xmlns:state=\"hidden\" name=\"进度填报\""));
        e.put("wb-xmlns-prefix-named-name-on-sheet", x -> x.replace("<sheet name=\"进度填报\"", "<sheet xmlns:name=\"别的表\" name=\"进度填报\""));
        e.put("wb-xmlns-prefix-named-date1904", x -> x.replace("<workbookPr date1904=\"false\"", "<workbookPr xmlns:date1904=\"true\" date1904=\"false\""));
        e.put("wb-sheet-hidden", x -> x.replace("<sheet name=\"进度填报\"", "<sheet state=\"hidden\" name=\"进度填报\""));
        e.put("wb-sheet-name-entities", x -> x.replace("name=\"进度填报\"", "name=\"进度&#x20;&amp;填报\""));
        e.put("wb-sheet-name-tab", x -> x.replace("name=\"进度填报\"", "name=\"进度\t填报\""));
        e.put("wb-r-id-prefix-other", x -> x.replace("r:id=\"rId3\"", "r:id=\"rId3\" x:id=\"rId4\"").replace("<workbook ", "<workbook xmlns:x=\"urn:x\" "));
        return e;
    }

    /**
     * After the review: the JDK's limits at their edges, namespaces, the XML declaration's values, processing
     * instruction targets, XML 1.1's line ends outside the root, XML 1.0 fourth edition's name characters, and
     * tags longer than the buffer.
     */
    private static Map<String, UnaryOperator<String>> followUpEdits() {
        Map<String, UnaryOperator<String>> e = new LinkedHashMap<>();
        String u = "urn:" + "u".repeat(996);
        // names: a prefix and a local part of 1,000 characters each are read; 1,001 is refused
        e.put("name-local-1000", x -> x.replace("<sheetData>", "<" + "n".repeat(1000) + "/><sheetData>"));
        e.put("name-local-1001", x -> x.replace("<sheetData>", "<" + "n".repeat(1001) + "/><sheetData>"));
        e.put("name-local-1000-cjk", x -> x.replace("<sheetData>", "<" + "名".repeat(1000) + "/><sheetData>"));
        e.put("name-local-1001-cjk", x -> x.replace("<sheetData>", "<" + "名".repeat(1001) + "/><sheetData>"));
        e.put("name-prefix-1000-local-1000", x -> x.replace("<sheetData>", "<" + "p".repeat(1000) + ":" + "n".repeat(1000)
                + " xmlns:" + "p".repeat(1000) + "=\"urn:p\"/><sheetData>"));
        e.put("name-prefix-1001", x -> x.replace("<sheetData>", "<" + "p".repeat(1001) + ":n xmlns:" + "p".repeat(1001)
                + "=\"urn:p\"/><sheetData>"));
        e.put("end-tag-name-1001-not-matching", x -> cell(x, "<c r=\"Z1\"><v>1</" + "v".repeat(1001) + "></c>"));
        e.put("end-tag-name-1001-cjk-not-matching", x -> cell(x, "<c r=\"Z1\"><v>1</v" + "名".repeat(1001) + "></c>"));
        e.put("attribute-name-1000", x -> x.replace("<c r=\"A1\"", "<c " + "a".repeat(1000) + "=\"1\" r=\"A1\""));
        e.put("attribute-name-1001", x -> x.replace("<c r=\"A1\"", "<c " + "a".repeat(1001) + "=\"1\" r=\"A1\""));
        e.put("namespace-uri-1000", x -> cell(x, "<c xmlns:p=\"" + u + "\" r=\"Z1\"><v>1</v></c>"));
        e.put("namespace-uri-1001", x -> cell(x, "<c xmlns:p=\"" + u + "u\" r=\"Z1\"><v>1</v></c>"));
        e.put("default-namespace-uri-1001", x -> cell(x, "<c xmlns=\"" + u + "u\" r=\"Z1\"><v>1</v></c>"));
        e.put("pi-target-1000", x -> cell(x, "<c r=\"Z1\"><v>1<?" + "t".repeat(1000) + " d?>2</v></c>"));
        e.put("pi-target-1001", x -> cell(x, "<c r=\"Z1\"><v>1<?" + "t".repeat(1001) + " d?>2</v></c>"));
        // attributes: 10,000 on an element are read, declarations aside; the 10,001st is refused
        e.put("attributes-10000", x -> x.replace("<c r=\"A1\"", "<c " + attributes(9999) + " r=\"A1\""));
        e.put("attributes-10000-and-declarations", x -> x.replace("<c r=\"A1\"",
                "<c xmlns:p=\"urn:p\" " + attributes(9999) + " xmlns:q=\"urn:q\" r=\"A1\""));
        e.put("attributes-10001-with-a-declaration", x -> x.replace("<c r=\"A1\"",
                "<c xmlns:p=\"urn:p\" " + attributes(10000) + " r=\"A1\""));
        e.put("attributes-20-unique", x -> cell(x, "<c " + attributes(19) + " r=\"Z1\"><v>1</v></c>"));
        e.put("attributes-20-last-twice", x -> cell(x, "<c " + attributes(19) + " r=\"Z1\" a7=\"\"><v>1</v></c>"));
        e.put("attributes-20-two-prefixes-one-uri", x -> cell(x, "<c xmlns:a=\"urn:u\" xmlns:b=\"urn:u\" " + attributes(16)
                + " a:x=\"1\" r=\"Z1\" b:x=\"2\"><v>1</v></c>"));
        e.put("attributes-prefixed-and-plain-one-local-name", x -> cell(x,
                "<c xmlns:a=\"urn:u\" xmlns:b=\"urn:u\" a:x=\"1\" b:y=\"2\" x=\"3\" r=\"Z1\"><v>1</v></c>"));
        e.put("attribute-xml-lang-twice", x -> cell(x, "<c xml:lang=\"zh\" xml:lang=\"en\" r=\"Z1\"><v>1</v></c>"));
        e.put("declaration-twice", x -> cell(x, "<c xmlns:p=\"urn:a\" xmlns:p=\"urn:b\" r=\"Z1\"><v>1</v></c>"));
        e.put("default-declaration-twice", x -> cell(x, "<c xmlns=\"urn:a\" xmlns=\"urn:b\" r=\"Z1\"><v>1</v></c>"));
        e.put("default-namespace-xml-uri", x -> cell(x, "<c xmlns=\"http://www.w3.org/XML/1998/namespace\" r=\"Z1\"><v>1</v></c>"));
        e.put("default-namespace-xmlns-uri", x -> cell(x, "<c xmlns=\"http://www.w3.org/2000/xmlns/\" r=\"Z1\"><v>1</v></c>"));
        e.put("prefix-redeclared-inside", x -> cell(x, "<c xmlns:p=\"urn:a\" p:x=\"1\" r=\"Z1\"><v xmlns:p=\"urn:b\" p:y=\"2\">1</v></c>"
                + "<c p:x=\"1\" r=\"Z2\"/>"));
        e.put("prefix-hidden-and-restored", x -> cell(x, "<c xmlns:p=\"urn:a\" r=\"Z1\"><v xmlns:p=\"urn:b\">1</v><f p:x=\"1\"/></c>"));
        e.put("xml11-prefix-undeclared", x -> cell(decl(x, "<?xml version=\"1.1\"?>"),
                "<c xmlns:p=\"urn:p\" r=\"Z1\"><v xmlns:p=\"\">1</v></c>"));
        e.put("xml11-prefix-used-after-undeclared", x -> cell(decl(x, "<?xml version=\"1.1\"?>"),
                "<c xmlns:p=\"urn:p\" r=\"Z1\"><v xmlns:p=\"\" p:x=\"1\">1</v></c>"));
        // the XML declaration: values as written
        e.put("decl-encoding-undeclared-entity", x -> decl(x, "<?xml version=\"1.0\" encoding=\"&bogus;\"?>"));
        e.put("decl-encoding-lt-and-space", x -> decl(x, "<?xml version=\"1.0\" encoding=\"a<b c\"?>"));
        e.put("decl-encoding-other-quote-inside", x -> decl(x, "<?xml version=\"1.0\" encoding='a\"b'?>"));
        e.put("decl-encoding-control", x -> decl(x, "<?xml version=\"1.0\" encoding=\"a\u0001\"?>"));
        e.put("decl-encoding-unquoted", x -> decl(x, "<?xml version=\"1.0\" encoding=UTF-8?>"));
        e.put("decl-standalone-charref", x -> decl(x, "<?xml version=\"1.0\" standalone=\"y&#101;s\"?>"));
        e.put("decl-version-space", x -> decl(x, "<?xml version=\" 1.0\"?>"));
        e.put("decl-version-1.1-charref", x -> decl(x, "<?xml version=\"1&#46;1\"?>"));
        // processing instruction targets
        e.put("pi-target-colon-first", x -> cell(x, "<c r=\"Z1\"><v>1<?:b c?>2</v></c>"));
        e.put("pi-target-two-colons", x -> cell(x, "<c r=\"Z1\"><v>1<?a:b:c d?>2</v></c>"));
        e.put("pi-target-xml-colon", x -> cell(x, "<c r=\"Z1\"><v>1<?xml:a d?>2</v></c>"));
        e.put("pi-target-mixed-case-xml", x -> cell(x, "<c r=\"Z1\"><v>1<?XmL d?>2</v></c>"));
        e.put("pi-target-colon-before-root", x -> decl(x, "<?xml version=\"1.0\"?><?a:b c?>"));
        // XML 1.1's line ends outside the root, and XML 1.0's
        e.put("xml11-nel-ls-before-root", x -> decl(x, "<?xml version=\"1.1\"?>\u0085\u2028\r\u0085"));
        e.put("xml11-ls-then-text-after-root", x -> decl(x, "<?xml version=\"1.1\"?>") + "\u2028x");
        e.put("xml10-nel-after-root", x -> x + "\u0085");
        e.put("xml10-ls-after-root", x -> x + "\u2028");
        // names in XML 1.0 by the fourth edition's tables, in XML 1.1 by the fifth's
        e.put("name-thai-sara-am", x -> x.replace("<sheetData>", "<x\u0E33/><sheetData>"));
        e.put("name-cjk-extension-a", x -> x.replace("<sheetData>", "<x\u3400/><sheetData>"));
        e.put("name-cjk-unified-first", x -> x.replace("<sheetData>", "<\u4E00/><sheetData>"));
        e.put("name-cjk-compatibility-fa30", x -> x.replace("<sheetData>", "<x\uFA30/><sheetData>"));
        e.put("name-ideographic-zero-start", x -> x.replace("<sheetData>", "<\u3007/><sheetData>"));
        e.put("name-katakana-voiced-mark", x -> x.replace("<sheetData>", "<x\u309B/><sheetData>"));
        e.put("name-middle-dot-inside", x -> x.replace("<sheetData>", "<x\u00B7/><sheetData>"));
        e.put("name-combining-grave-inside", x -> x.replace("<sheetData>", "<x\u0300/><sheetData>"));
        e.put("name-latin-0220", x -> x.replace("<sheetData>", "<x\u0220/><sheetData>"));
        e.put("attribute-name-emoji", x -> x.replace("<c r=\"A1\"", "<c a\uD83D\uDE00=\"1\" r=\"A1\""));
        e.put("prefix-cjk-extension-a", x -> cell(x, "<c xmlns:p\u3400=\"urn:p\" r=\"Z1\"><v>1</v></c>"));
        e.put("xml11-name-cjk-extension-a", x -> decl(x, "<?xml version=\"1.1\"?>").replace("<sheetData>", "<x\u3400/><sheetData>"));
        e.put("xml11-name-emoji", x -> decl(x, "<?xml version=\"1.1\"?>").replace("<sheetData>", "<x\uD83D\uDE00/><sheetData>"));
        // tags longer than the buffer
        e.put("long-tag-gt-in-quoted-values", x -> cell(x, "<c foo=\"" + "a>'".repeat(10000) + "\" bar='" + "b>\"".repeat(10000)
                + "' r=\"Z1\"><v>1</v></c>"));
        e.put("long-end-tag-spaces", x -> cell(x, "<c r=\"Z1\"><v>1</v" + " ".repeat(40000) + "></c>"));
        e.put("long-tag-quote-never-closed", x -> x.replace("<c r=\"A1\"", "<c foo=\"" + "a".repeat(40000) + " r=\"A1\""));
        e.put("long-tag-many-declarations", x -> cell(x, "<c " + declarations(3000) + " r=\"Z1\"><v>1</v></c>"));
        e.put("long-tag-many-declarations-one-twice", x -> cell(x, "<c " + declarations(3000) + " xmlns:p17=\"urn:x\" r=\"Z1\"><v>1</v></c>"));
        return e;
    }

    @TestFactory
    Stream<DynamicTest> followUpEditsReadAsWithStax() {
        return cases(SHEET, followUpEdits());
    }

    /** Edits of the styles and relationships parts. */
    @TestFactory
    Stream<DynamicTest> styleAndRelationshipEditsReadAsWithStax() {
        Map<String, String[]> e = new LinkedHashMap<>();
        // {part, from, to}
        e.put("styles-xmlns-prefix-named-numFmtId-on-xf", new String[] {"xl/styles.xml",
            "<cellXfs count=\"16\"><xf numFmtId=\"0\"", "<cellXfs count=\"16\"><xf xmlns:numFmtId=\"10\" numFmtId=\"0\""});
        e.put("rels-xmlns-prefix-named-Target", new String[] {"xl/_rels/workbook.xml.rels",
            "<Relationship Id=\"rId3\"", "<Relationship xmlns:Target=\"worksheets/sheet2.xml\" Id=\"rId3\""});
        e.put("rels-xmlns-prefix-named-Id", new String[] {"xl/_rels/workbook.xml.rels",
            "<Relationship Id=\"rId3\"", "<Relationship xmlns:Id=\"rId4\" Id=\"rId3\""});
        e.put("workbook-xmlns-prefix-named-id-on-sheet", new String[] {WORKBOOK,
            "<sheet name=\"进度填报\"", "<sheet xmlns:id=\"rId4\" name=\"进度填报\""});
        e.put("styles-xml11-declared", new String[] {"xl/styles.xml", "<?xml version=\"1.0\"", "<?xml version=\"1.1\""});
        Map<String, PackageEdit> packages = new LinkedHashMap<>();
        e.forEach((name, edit) -> packages.put(name, () -> {
            String x = new String(form.get(edit[0]), StandardCharsets.UTF_8);
            assertThat(x).contains(edit[1]);
            String sheet = cell(new String(form.get(SHEET), StandardCharsets.UTF_8), "<c r=\"Z1\"><v>0.5</v></c>");
            Map<String, byte[]> parts = new LinkedHashMap<>(form);
            parts.put(edit[0], x.replace(edit[1], edit[2]).getBytes(StandardCharsets.UTF_8));
            parts.put(SHEET, sheet.getBytes(StandardCharsets.UTF_8));
            return parts;
        }));
        return readAll(packages);
    }

    @TestFactory
    Stream<DynamicTest> sheetEditsReadAsWithStax() {
        return cases(SHEET, sheetEdits());
    }

    @TestFactory
    Stream<DynamicTest> sharedStringEditsReadAsWithStax() {
        return cases(STRINGS, stringEdits());
    }

    @TestFactory
    Stream<DynamicTest> workbookEditsReadAsWithStax() {
        return cases(WORKBOOK, workbookEdits());
    }

    /** Edits of the sheet's bytes (no text can say them). */
    @TestFactory
    Stream<DynamicTest> byteEditsReadAsWithStax() {
        Map<String, byte[]> e = new LinkedHashMap<>();
        byte[] sheet = form.get(SHEET);
        String x = new String(sheet, StandardCharsets.UTF_8);
        e.put("utf16le-with-bom", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                decl(x, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").getBytes(StandardCharsets.UTF_16LE)));
        e.put("utf16be-with-bom", decl(x, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").getBytes(StandardCharsets.UTF_16));
        e.put("utf16le-without-bom", decl(x, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").getBytes(StandardCharsets.UTF_16LE));
        e.put("gbk-declared-gbk-bytes", decl(x, "<?xml version=\"1.0\" encoding=\"GBK\"?>").getBytes(java.nio.charset.Charset.forName("GBK")));
        e.put("truncated-mid-utf8", cut(sheet, x.indexOf("进度") + 1));
        e.put("truncated-mid-tag", cut(sheet, utf8Index(x, x.indexOf("<c r=\"A1\"") + 5)));
        e.put("truncated-mid-attribute-value", cut(sheet, utf8Index(x, x.indexOf("<c r=\"A1\"") + 7)));
        e.put("truncated-mid-end-tag", cut(sheet, utf8Index(x, x.indexOf("</row>") + 3)));
        e.put("truncated-after-lt", cut(sheet, utf8Index(x, x.indexOf("<sheetData>") + 1)));
        e.put("truncated-after-lt-bang", cut(sheet, utf8Index(x, x.indexOf("<sheetData>")) + 0));
        e.put("truncated-mid-declaration", cut(sheet, 20));
        e.put("truncated-to-bom", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        e.put("truncated-to-part-of-bom", new byte[] {(byte) 0xEF, (byte) 0xBB});
        e.put("empty-part", new byte[0]);
        e.put("only-declaration", "<?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_8));
        String withText = inline(x, "前@后");
        String withEntity = inline(x, "前&amp;后");
        String withCdata = inline(x, "<![CDATA[前后]]>");
        e.put("truncated-mid-entity", cut(withEntity.getBytes(StandardCharsets.UTF_8), utf8Index(withEntity, withEntity.indexOf("&amp;") + 3)));
        e.put("truncated-mid-cdata", cut(withCdata.getBytes(StandardCharsets.UTF_8), utf8Index(withCdata, withCdata.indexOf("<![CDATA[") + 5)));
        e.put("truncated-mid-cdata-utf8", cut(withCdata.getBytes(StandardCharsets.UTF_8), utf8Index(withCdata, withCdata.indexOf("前后")) + 2));
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xB0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3}};
        for (byte[] b : bad) {
            String hex = Integer.toHexString(b[0] & 0xFF);
            e.put("bad-utf8-" + hex + "-in-text-before-lt", splice(withText, "@", b));
            e.put("bad-utf8-" + hex + "-in-element-name", splice(x.replace("<sheetData>", "<x@/><sheetData>"), "@", b));
            e.put("bad-utf8-" + hex + "-in-pi", splice(x.replace("<sheetData>", "<?p @?><sheetData>"), "@", b));
            e.put("bad-utf8-" + hex + "-in-cdata", splice(inline(x, "<![CDATA[@]]>"), "@", b));
            e.put("bad-utf8-" + hex + "-in-declaration", splice(decl(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!--@-->"), "@", b));
            e.put("bad-utf8-" + hex + "-outside-root", splice(x + " @", "@", b));
            e.put("bad-utf8-" + hex + "-in-end-tag", splice(x.replace("</sheetData>", "</sheetData@>"), "@", b));
            e.put("bad-utf8-" + hex + "-in-unread-attribute", splice(x.replace("<c r=\"A1\"", "<c foo=\"@\" r=\"A1\""), "@", b));
        }
        Map<String, PackageEdit> packages = new LinkedHashMap<>();
        e.forEach((name, bytes) -> packages.put(name, () -> with(SHEET, bytes)));
        return readAll(packages);
    }

    // ------------------------------------------------------------------------------------------------ time

    /*
     * The cost of hostile inputs. No case times the machine: each reads an input sized so that a reading linear in
     * its length takes a small fraction of a 2 s budget, while one quadratic in it (as the scanner's duplicate check
     * and its parse of a tag again after every read were) would need several times the budget, and then stops with
     * the time's refusal, which is not what StAX reads.
     */

    /**
     * StAX's reading of these cells without these attributes, which the reader does not ask for: what the cells with
     * them must read as (StAX reads the large inputs alike, but takes longer than the scanner to).
     */
    private static String staxWithout(String attrs, String x, CharSequence cells) throws IOException {
        String plain = cell(x, cells.toString().replace(attrs, ""));
        return XmlScannerTest.reading(write("without-attributes", SHEET, plain.getBytes(StandardCharsets.UTF_8)), true);
    }

    /**
     * The scanner's reading within a budget of 2 s (the default is 20 s), to compare with StAX's: that one read,
     * written out as {@link XmlScannerTest#reading(Path, boolean)} writes the reader's (a reading within the budget
     * is the reading without it, so the large input is scanned once, not again with the default budget).
     */
    private static String scannedWithinBudget(Path p) {
        try {
            return XmlScannerTest.reading(XlsxReader.read(p, p.getFileName().toString(),
                    new XlsxReader.Limits(XlsxReader.MAX_TOTAL, java.util.concurrent.TimeUnit.SECONDS.toNanos(2)), false));
        } catch (Workbooks.Unreadable e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** One start tag with 60,000 attributes: refused by both, at their 10,001st, with the limit's own message. */
    @Test
    void manyAttributesInOneTagAreRefusedAtTheLimit() throws IOException {
        String x = new String(form.get(SHEET), StandardCharsets.UTF_8);
        Path p = write("many-attributes", SHEET, x.replace("<c r=\"A1\"", "<c " + attributes(60_000) + " r=\"A1\"")
                .getBytes(StandardCharsets.UTF_8));
        String stax = XmlScannerTest.reading(p, true);
        assertThat(stax).isEqualTo("unreadable: 文件中的 XML 有元素带有超过 10000 个属性，不是正常的 Excel 文件，拒绝读取");
        assertThat(scannedWithinBudget(p)).isEqualTo(stax);
    }

    /**
     * 40 cells of 9,990 attributes each (under StAX's limit of 10,000, so StAX reads them): the check for an
     * attribute given twice must cost their number, not its square (which took about 0.14 s a cell here).
     */
    @Test
    void manyTagsWithManyAttributesAreReadInLinearTime() throws IOException {
        String x = new String(form.get(SHEET), StandardCharsets.UTF_8);
        String attrs = attributes(9_990);
        StringBuilder cells = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            cells.append("<c ").append(attrs).append(" r=\"Z").append(i).append("\"><v>").append(i).append("</v></c>");
        }
        Path p = write("many-tags-many-attributes", SHEET, cell(x, cells.toString()).getBytes(StandardCharsets.UTF_8));
        String stax = staxWithout(attrs, x, cells);
        assertThat(stax).doesNotStartWith("unreadable").contains("[25 Value[text=40, number=40,");
        assertThat(scannedWithinBudget(p)).isEqualTo(stax);
    }

    /**
     * 20 cells of 9,990 attributes whose names all have one hash (strings of "Aa" and "BB"): the check for an
     * attribute given twice must not fall to the square of their number when a file chooses its names so.
     */
    @Test
    void attributeNamesOfOneHashAreReadInLinearTime() throws IOException {
        String x = new String(form.get(SHEET), StandardCharsets.UTF_8);
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 9_990; i++) {
            for (int bit = 13; bit >= 0; bit--) {
                attrs.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            attrs.append("=\"\" ");
        }
        assertThat("AaAa".hashCode()).isEqualTo("BBBB".hashCode());
        StringBuilder cells = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            cells.append("<c ").append(attrs).append(" r=\"Z").append(i).append("\"><v>").append(i).append("</v></c>");
        }
        Path p = write("colliding-attribute-names", SHEET, cell(x, cells.toString()).getBytes(StandardCharsets.UTF_8));
        String stax = staxWithout(attrs.toString(), x, cells);
        assertThat(stax).doesNotStartWith("unreadable").contains("[25 Value[text=20, number=20,");
        assertThat(scannedWithinBudget(p)).isEqualTo(stax);
    }

    /**
     * One start tag of 8 MB (an attribute of text that does not compress, so the part comes in many small reads):
     * read without parsing the tag again after every read (which took about 8 s here).
     */
    @Test
    void aLongIncompressibleTagIsReadInLinearTime() throws IOException {
        String x = new String(form.get(SHEET), StandardCharsets.UTF_8);
        Random r = new Random(7);
        byte[] noise = new byte[8_000_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) ('a' + r.nextInt(26));
        }
        Map<String, byte[]> parts = new LinkedHashMap<>(form);
        parts.put(SHEET, splice(x.replace("<c r=\"A1\"", "<c foo=\"@\" r=\"A1\""), "@", noise));
        Path p = dir.resolve("long-tag.xlsx");
        Files.write(p, zipFast(parts));
        String stax = XmlScannerTest.reading(write("long-tag-without", SHEET, form.get(SHEET)), true);
        assertThat(stax).doesNotStartWith("unreadable").contains("2026年5月重点民生实事进度填报表");
        assertThat(scannedWithinBudget(p)).isEqualTo(stax);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Stream<DynamicTest> cases(String part, Map<String, UnaryOperator<String>> edits) {
        Map<String, PackageEdit> packages = new LinkedHashMap<>();
        edits.forEach((name, edit) -> packages.put(name, () -> with(part,
                edit.apply(new String(form.get(part), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))));
        return readAll(packages);
    }

    /** The form's parts with one part replaced. */
    private static Map<String, byte[]> with(String part, byte[] bytes) {
        Map<String, byte[]> parts = new LinkedHashMap<>(form);
        parts.put(part, bytes);
        return parts;
    }

    /** One case's package: the form's parts, edited (an assertion here fails the case). */
    @FunctionalInterface
    private interface PackageEdit {
        Map<String, byte[]> parts() throws Exception;
    }

    /**
     * Each case made, written and read both ways up front, the cases on both cores (they share only the form's
     * parts, read only, and each writes its own file); then one test per case, named after its edit, asserting on
     * its two readings (or failing with what its making threw). The time-budget tests run after, alone.
     */
    private static Stream<DynamicTest> readAll(Map<String, PackageEdit> cases) {
        List<String> names = new ArrayList<>(cases.keySet());
        List<Object> read = bulletin.testing.Parallel.map(names, name -> {
            try {
                // a file of its own (two names may differ only where the file name cannot say it)
                return readBoth(names.indexOf(name) + "-" + name, cases.get(name).parts());
            } catch (Exception | AssertionError e) {
                return e;
            }
        });
        return java.util.stream.IntStream.range(0, names.size()).mapToObj(i -> DynamicTest.dynamicTest(names.get(i), () -> {
            if (read.get(i) instanceof Throwable t) {
                throw t;
            }
            String[] both = (String[]) read.get(i);
            assertSame(names.get(i), both[0], both[1]);
        }));
    }

    /** The package written to a file of the case's name and read by the scanner and by StAX: {scanned, stax}. */
    private static String[] readBoth(String name, Map<String, byte[]> parts) throws IOException {
        Path p = dir.resolve(name.replaceAll("[^A-Za-z0-9.-]", "_") + ".xlsx");
        Files.write(p, XmlScannerTest.zip(parts));
        String stax;
        try {
            stax = XmlScannerTest.reading(p, true);
        } catch (RuntimeException e) {
            stax = "crash: " + e;
        }
        String scanned;
        try {
            scanned = XmlScannerTest.reading(p, false);
        } catch (RuntimeException | StackOverflowError e) {
            scanned = "crash: " + e;
        }
        return new String[] {scanned, stax};
    }

    private static void assertSame(String name, String scanned, String stax) {
        if (!scanned.equals(stax)) {
            assertThat(scanned).as(name + "\n" + difference(scanned, stax)).isEqualTo(stax);
        }
    }

    /** The first lines where the two readings differ, each cut short. */
    private static String difference(String scanned, String stax) {
        String[] a = scanned.split("\n");
        String[] b = stax.split("\n");
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(a.length, b.length) && shown < 3; i++) {
            String x = i < a.length ? a[i] : "";
            String y = i < b.length ? b[i] : "";
            if (!x.equals(y)) {
                int from = 0;
                while (from < Math.min(x.length(), y.length()) && x.charAt(from) == y.charAt(from)) {
                    from++;
                }
                from = Math.max(0, from - 60);
                sb.append("line ").append(i).append("\n  scanner: ").append(part(x, from))
                        .append("\n  stax:    ").append(part(y, from)).append('\n');
                shown++;
            }
        }
        return sb.toString();
    }

    private static String part(String s, int from) {
        return from >= s.length() ? "" : s.substring(from, Math.min(s.length(), from + 240));
    }

    private static Path write(String name, String part, byte[] bytes) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>(form);
        parts.put(part, bytes);
        Path p = dir.resolve(name.replaceAll("[^A-Za-z0-9.-]", "_") + ".xlsx");
        Files.write(p, XmlScannerTest.zip(parts));
        return p;
    }

    /** The part with its XML declaration replaced by this. */
    private static String decl(String x, String declaration) {
        return declaration + x.substring(x.indexOf("?>") + 2);
    }

    private static String cell(String x, String cells) {
        return x.replace("</sheetData>", "<row r=\"900\">" + cells + "</row></sheetData>");
    }

    private static String inline(String x, String t) {
        return inlineAttr(x, "", t);
    }

    private static String inlineAttr(String x, String attrs, String t) {
        return cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t" + attrs + ">" + t + "</t></is></c>");
    }

    private static String firstSi(String x, String si) {
        int at = x.indexOf("<si>");
        int end = x.indexOf("</si>", at) + 5;
        return x.substring(0, at) + si + x.substring(end);
    }

    private static String attributes(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append('a').append(i).append("=\"\" ");
        }
        return sb.toString();
    }

    /** The parts zipped at the fastest level (the 8 MB of noise would take most of its case's time at the default). */
    private static byte[] zipFast(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            z.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String declarations(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("xmlns:p").append(i).append("=\"urn:").append(i % 7).append("\" p").append(i).append(":a=\"\" ");
        }
        return sb.toString();
    }

    private static int utf8Index(String s, int charIndex) {
        return s.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] cut(byte[] b, int n) {
        return java.util.Arrays.copyOf(b, n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] splice(String x, String marker, byte[] bytes) {
        int at = x.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(x.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(x.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
