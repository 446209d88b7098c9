package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

/**
 * The reader's side of issue 21, on grids built by hand: a blank is no figure and 0 is a figure; a cell whose
 * value is lost, or one inside a merged range, gives no figure and says why; a figure column is one the header
 * names once, chosen by the contract's exact word where there are several, and refused as ambiguous then.
 */
class FigureCellContractTest {

    static final Place SHEET = Place.file("f.xlsx").sheet("进度填报");

    static Grid.Value number(String n) {
        return new Grid.Value(n, new BigDecimal(n), false, Grid.Kind.NUMBER, false);
    }

    static Grid.Value text(String t) {
        return new Grid.Value(t, null, false, Grid.Kind.TEXT, false);
    }

    static Grid grid(Map<Long, Grid.Value> cells, CellRangeAddress... merged) {
        return Grid.of(SHEET, cells, List.of(merged), new BitSet(), new BitSet());
    }

    static String codes(Figures.Reading r) {
        return String.join(" ", r.issues().stream().map(i -> i.severity().name() + ":" + i.code()).toList());
    }

    @Test
    void aBlankIsNoFigureAndZeroIsOne() {
        Map<Long, Grid.Value> cells = new HashMap<>();
        cells.put(Grid.key(0, 0), number("0"));
        cells.put(Grid.key(0, 2), text("7"));
        Grid g = grid(cells);
        Figures.Reading zero = ProgressReader.reading(g, 0, 0, false);
        assertThat(zero.value()).isNotNull().isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(zero.issues()).isEmpty();
        Figures.Reading blank = ProgressReader.reading(g, 0, 1, false);
        assertThat(blank.value()).isNull();
        assertThat(blank.issues()).isEmpty();
    }

    @Test
    void aCellWhoseValueIsLostIsDamagedNotBlank() {
        Grid.Value lost = new Grid.Value("", null, false, Grid.Kind.DAMAGED, false);
        for (boolean percent : new boolean[] {false, true}) {
            Figures.Reading r = Figures.read(lost, percent);
            assertThat(r.value()).isNull();
            assertThat(codes(r)).isEqualTo("ERROR:damaged-cell");
        }
    }

    @Test
    void everyCellOfAMergedInputRangeIsRefusedNamingTheRange() {
        Map<Long, Grid.Value> cells = new HashMap<>();
        cells.put(Grid.key(16, 5), number("1.8"));
        cells.put(Grid.key(17, 5), number("1"));
        Grid g = grid(cells, new CellRangeAddress(16, 17, 5, 5));
        for (int r : new int[] {16, 17}) {
            Figures.Reading reading = ProgressReader.reading(g, r, 5, false);
            assertThat(reading.value()).as("row %d", r).isNull();
            assertThat(codes(reading)).isEqualTo("ERROR:merged-input");
            assertThat(reading.issues().get(0).message()).contains("F17:F18");
        }
        // A one-cell "range" (some tools write them) is no merge.
        Grid single = grid(cells, new CellRangeAddress(16, 16, 5, 5));
        assertThat(ProgressReader.reading(single, 16, 5, false).value()).isEqualByComparingTo("1.8");
    }

    static Grid header(String... words) {
        Map<Long, Grid.Value> cells = new HashMap<>();
        for (int c = 0; c < words.length; c++) {
            cells.put(Grid.key(3, c), text(words[c]));
        }
        return grid(cells);
    }

    @Test
    void aFigureColumnNamedTwiceIsAmbiguousAndTheContractsWordIsPreferred() {
        Problems problems = new Problems();
        ProgressReader.Columns cols = ProgressReader.columns(
                header("编码", "项目", "指标", "单位", "全年目标", "上月累计完成", "累计完成", "形象进度（%）"), 3, problems);
        assertThat(cols.done()).isEqualTo(6);
        assertThat(cols.percent()).isEqualTo(7);
        assertThat(problems.all()).extracting(Problem::code, Problem::cell).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ambiguous-column", "F4"));
        assertThat(problems.all().get(0).message()).contains("F4“上月累计完成”", "G4“累计完成”");

        Problems twice = new Problems();
        ProgressReader.columns(header("编码", "指标", "形象进度（%）", "累计完成", "形象进度（%）"), 3, twice);
        assertThat(twice.all()).extracting(Problem::code, Problem::cell).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ambiguous-column", "E4"));
    }

    @Test
    void aHelperColumnWithoutTheWordIsNoFigureColumn() {
        // Issue 26's locked helper columns: 上月累计 beside the input, 自查 after the row.
        Problems problems = new Problems();
        ProgressReader.Columns cols = ProgressReader.columns(
                header("编码", "项目", "指标", "单位", "全年目标", "上月累计", "累计完成", "形象进度（%）", "进展情况", "存在问题", "自查"),
                3, problems);
        assertThat(cols.done()).isEqualTo(6);
        assertThat(cols.percent()).isEqualTo(7);
        assertThat(cols.note()).isEqualTo(8);
        assertThat(problems.all()).isEmpty();
    }
}
