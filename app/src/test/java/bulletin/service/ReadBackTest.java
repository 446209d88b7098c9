package bulletin.service;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.engine.History;
import bulletin.ingest.ModelLoader;
import bulletin.ingest.SnapshotReader;
import bulletin.model.Card;
import bulletin.model.IndicatorModel;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.model.Platform;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Source;
import bulletin.model.Status;
import bulletin.report.ReadBack;
import bulletin.report.SnapshotJson;
import bulletin.testing.SampleWorkspace;
import bulletin.workspace.Workspace;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReadBack#of} is the snapshot that {@code bulletin.json} reads back as: equal to
 * {@code SnapshotReader.parse(SnapshotJson.write(s))}, writing the same JSON, with the reader's lists and maps; and
 * {@link SnapshotJson#bytes} is {@code SnapshotJson.write(s)} in UTF-8, byte for byte.
 */
class ReadBackTest {

    private static void same(Snapshot s) {
        String json = SnapshotJson.write(s);
        Snapshot read = SnapshotReader.parse(json);
        Snapshot ours = ReadBack.of(s);
        assertThat(ours).isEqualTo(read);
        assertThat(SnapshotJson.write(ours)).isEqualTo(json);
        assertThat(new String(SnapshotJson.bytes(s), StandardCharsets.UTF_8)).as("written without Jackson")
                .isEqualTo(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertThat(SnapshotJson.bytes(s)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        for (int k = 0; k < read.indicators().size(); k++) {
            var a = ours.indicators().get(k);
            var b = read.indicators().get(k);
            sameKind(a.units(), b.units());
            if (b.units() != null) {
                assertThat(List.copyOf(a.units().keySet())).as("the units' order")
                        .isEqualTo(List.copyOf(b.units().keySet()));
            }
            sameKind(a.path(), b.path());
            sameKind(a.notes(), b.notes());
            sameKind(a.problems(), b.problems());
        }
        sameKind(ours.units(), read.units());
        sameKind(ours.late(), read.late());
        sameKind(ours.summary().behind(), read.summary().behind());
        sameKind(ours.summary().cleared(), read.summary().cleared());
    }

    /** Both null, or of the same class (the reader's ArrayList, LinkedHashMap). */
    private static void sameKind(Object a, Object b) {
        assertThat(a == null ? null : a.getClass()).isEqualTo(b == null ? null : b.getClass());
    }

    @Test
    void theSamplesJuneAsTheEngineComputesIt(@TempDir Path dir) throws Exception {
        Workspace ws = Workspace.open(SampleWorkspace.copyTo(dir.resolve("ws")));
        IndicatorModel model = ModelLoader.load(ws);
        // July's last month: June computed from its workbooks (March to May before it), whose deliberate mistakes
        // leave figures out
        Snapshot june = History.before(model, YearMonth.of(2026, 7), new WorkspaceHistory(ws, model)).snapshot();
        assertThat(june.month()).isEqualTo(6);
        assertThat(june.excluded()).isNotEmpty();
        same(june);
    }

    @Test
    void decimalsWithoutTheirTrailingZerosListsAndMapsOfAnyKindAndThePlatform() {
        BigDecimal thousand = new BigDecimal("1E+3");
        Source cell = new Source("progress/2026-05/白水镇.xlsx", "进度填报", "F16");
        Figure f = new Figure(thousand, "1000个", new BigDecimal("2E+1"), new BigDecimal("85.50"),
                new BigDecimal("0.0200"), Status.BEHIND, Card.RED, true, cell, "2026-04");
        Figure blank = new Figure(null, null, null, null, null, Status.NOT_SCORED, null, false);
        Map<String, Figure> units = new LinkedHashMap<>();
        units.put("白水镇", f);
        units.put("归义镇", blank);
        units.put("新市镇", null);
        units.put("\"键\"\n", blank);
        var ind = new Snapshot.SnapshotIndicator("01-01", 1, "项目", "指标“引号”\n换行\t\u0001\u001f\b\f\r\\ \" / \u007f \u2028 𠀀 \ud800 \udc00x\ud83d", List.of("一", "二"),
                Level.PROVINCE, Kind.QUANTITY, "个", "市教育局", new BigDecimal("5E-1"), f, Map.copyOf(units.entrySet()
                .stream().filter(e -> e.getValue() != null).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue))), Card.YELLOW, new BigDecimal("-3E+2"),
                new BigDecimal("1E+0"), List.of(new Snapshot.UnitText("白水镇", "进展", cell)), List.of(), true, 2,
                null);
        var ordered = new Snapshot.SnapshotIndicator("01-02", 1, "项目", "二", null, Level.CITY, Kind.PROGRESS, null,
                null, null, blank, units, null, null, null, null, null, false, 0, "上级任务暂未下达");
        var summary = new Snapshot.Summary(new Snapshot.LevelSummary(1, 2, 1, 0, 0, 1), null, List.of("白水镇"),
                List.of(new Snapshot.Behind("01-01", "指标", Level.PROVINCE, new BigDecimal("2E-2"),
                        new BigDecimal("5E+0"), "市教育局", Card.RED)), new ArrayList<>(), 3);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("政策文件", 3L);
        counts.put("建设内容", 0L);
        Platform platform = new Platform("platform/2026-05.xlsx", null, List.of(new Platform.Module("政策文件", null),
                new Platform.Module("建设内容", "码上通管理")), List.of(new Platform.Row("白水镇", true, counts, 3, cell)),
                counts, 3);
        Snapshot s = new Snapshot(2026, 5, 3, "2026-05-30", new BigDecimal("4.1666E+3").movePointLeft(4), "标题",
                null, List.of("白水镇", "归义镇", "新市镇"), "computed", List.of(ind, ordered), summary, List.of(),
                null, "sha256:ab", List.of(new Snapshot.Excluded("f.xlsx", "白水镇", null, null, null, "type-error",
                "错")), platform);
        same(s);
        same(s.withPlatform(null));
    }
}
