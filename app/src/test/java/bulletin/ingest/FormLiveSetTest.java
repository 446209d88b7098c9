package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

/**
 * What a month's forms keep alive while the month is judged is small: the values of the same words and the same
 * small whole numbers are one object for every workbook (a bounded set), and a grid lets its header search's
 * compacted texts go, making them again where asked.
 */
class FormLiveSetTest {

    @Test
    void twoUnitsFormsShareTheirWordsAndFigures() throws IOException, Workbooks.Unreadable {
        List<Path> forms;
        try (Stream<Path> s = Files.list(Path.of("samples/miluo-2026/progress/2026-05"))) {
            forms = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().limit(2).toList();
        }
        XlsxReader.forgetTexts(); // another test may have filled the words kept to their bound
        Grid a = XlsxReader.read(forms.get(0), "a.xlsx").get(0).grid();
        Grid b = XlsxReader.read(forms.get(1), "b.xlsx").get(0).grid();
        Map<String, Grid.Value> seen = new HashMap<>();
        int shared = 0;
        List<String> copies = new java.util.ArrayList<>();
        for (Grid g : List.of(a, b)) {
            for (int r = 0; r < g.rows(); r++) {
                for (int c = 0; c < g.cols(); c++) {
                    Grid.Value v = g.value(r, c);
                    boolean plainWord = v.kind() == Grid.Kind.TEXT && !v.formula() && v.text().length() <= 256;
                    boolean smallWhole = v.kind() == Grid.Kind.NUMBER && !v.formula() && !v.percentFormat()
                            && v.number().scale() <= 0 && v.number().signum() >= 0 && v.number().intValue() < 10_000;
                    if (!plainWord && !smallWhole) {
                        continue;
                    }
                    Grid.Value first = seen.putIfAbsent((plainWord ? "t" : "n") + v.text(), v);
                    if (first == v) {
                        shared++;
                    } else if (first != null) {
                        copies.add(v.text() + " at " + r + "," + c);
                    }
                }
            }
        }
        // (a test class running beside this one that filled the words kept to their bound meanwhile stops the sharing)
        org.junit.jupiter.api.Assumptions.assumeTrue(XlsxReader.textsKept() < XlsxReader.TEXTS_KEPT);
        assertThat(copies).as("values made again for the same word or number").isEmpty();
        assertThat(shared).as("cells whose value another cell or workbook holds too").isGreaterThan(50);
    }

    @Test
    void theWordsKeptAreBounded() {
        for (int i = 0; i < XlsxReader.TEXTS_KEPT + 500; i++) {
            String word = "词" + i;
            Grid.Value v = XlsxReader.textValue(word);
            assertThat(v.text()).isEqualTo(word);
            assertThat(v.kind()).isEqualTo(Grid.Kind.TEXT);
        }
        assertThat(XlsxReader.textsKept()).isLessThanOrEqualTo(XlsxReader.TEXTS_KEPT);
        String long1 = "长".repeat(XlsxReader.TEXT_KEPT + 1);
        assertThat(XlsxReader.textValue(long1)).isNotSameAs(XlsxReader.textValue(long1)); // too long to keep
        assertThat(XlsxReader.textValue("").kind()).isEqualTo(Grid.Kind.BLANK);
        XlsxReader.forgetTexts();
    }

    @Test
    void compactedTextsAreMadeAgainOnceForgotten() {
        Map<Long, Grid.Value> cells = new HashMap<>();
        cells.put(Grid.key(0, 0), new Grid.Value("累计 完成", null, false, Grid.Kind.TEXT, false));
        cells.put(Grid.key(0, 2), new Grid.Value("形象\n进度", null, false, Grid.Kind.TEXT, false));
        cells.put(Grid.key(3, 1), new Grid.Value(" 编 码 ", null, false, Grid.Kind.TEXT, false));
        Grid g = Grid.of(Place.file("f.xlsx").sheet("s"), cells, List.of(new CellRangeAddress(0, 1, 2, 4)),
                new BitSet(), new BitSet());
        for (int round = 0; round < 2; round++) {
            assertThat(g.compactText(0, 0)).isEqualTo("累计完成");
            assertThat(g.compactText(1, 3)).isEqualTo("形象进度"); // inside the merged region: its first cell's
            assertThat(g.compactText(3, 1)).isEqualTo("编码");
            assertThat(g.compactText(2, 2)).isEmpty();
            assertThat(g.texts(1)).containsExactly("形象\n进度");
            assertThat(g.text(3, 1)).isEqualTo(" 编 码 ");
            g.forgetCompacted();
        }
    }
}
