package bulletin.service;

import bulletin.engine.History;
import bulletin.ingest.ProgressReader;
import bulletin.ingest.SnapshotReader;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.Snapshot;
import bulletin.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Earlier months as the workspace keeps them: their snapshots in out/, their workbooks in progress/. */
record WorkspaceHistory(Workspace ws, IndicatorModel model) implements History.Source {

    @Override
    public Optional<Snapshot> snapshot(YearMonth m) {
        Path file = ws.snapshotFile(m);
        return Files.exists(file) ? Optional.of(SnapshotReader.read(file, ws.show(file))) : Optional.empty();
    }

    @Override
    public List<MonthlyReport> reports(YearMonth m) {
        return ProgressReader.read(ws, model, m).reports();
    }
}
