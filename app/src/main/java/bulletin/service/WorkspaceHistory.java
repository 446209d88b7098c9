package bulletin.service;

import bulletin.engine.History;
import bulletin.ingest.ProgressReader;
import bulletin.ingest.SnapshotReader;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.Snapshot;
import bulletin.workspace.InputFiles;
import bulletin.workspace.Workspace;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Earlier months as the workspace keeps them: their snapshots in out/, their workbooks in progress/. A snapshot
 * that is damaged or foreign (not JSON, {@code {}}, another month's or year's, not a regular file) is named in a
 * note and treated as absent, so that its month is computed again from its workbooks.
 */
final class WorkspaceHistory implements History.Source {

    private final Workspace ws;
    private final IndicatorModel model;
    private final List<String> notes = new ArrayList<>();

    WorkspaceHistory(Workspace ws, IndicatorModel model) {
        this.ws = ws;
        this.model = model;
    }

    @Override
    public Optional<Snapshot> snapshot(YearMonth m) {
        Path file = ws.snapshotFile(m);
        if (!InputFiles.present(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SnapshotReader.kept(file, m));
        } catch (SnapshotReader.Damaged e) {
            notes.add(ws.show(file) + " " + e.getMessage() + "，不能作为" + m.getMonthValue() + "月的快照：已当作没有它，"
                    + "该月的数据根据报表重新计算（下次生成" + m.getMonthValue() + "月的专报时会重写它）");
            return Optional.empty();
        }
    }

    @Override
    public List<MonthlyReport> reports(YearMonth m) {
        return ProgressReader.read(ws, model, m).reports();
    }

    /** What was said about the snapshots that could not be used, in the order they were met. */
    List<String> notes() {
        return List.copyOf(notes);
    }
}
