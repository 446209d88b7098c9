package bulletin.service;

import bulletin.diag.BulletinException;
import bulletin.engine.Engine;
import bulletin.engine.History;
import bulletin.model.Snapshot;
import bulletin.validate.MonthCheck;

import bulletin.model.MonthReports;
import bulletin.ingest.ModelLoader;
import bulletin.ingest.ProgressReader;
import bulletin.workspace.Workspace;
import bulletin.model.IndicatorModel;
import java.nio.file.Path;
import java.time.YearMonth;

/** {@code bulletin inspect}: the indicator model as the tool understood it, and optionally a month's workbooks. */
public final class InspectService {

    private InspectService() {
    }

    /** The model, and the month's workbooks where a month is given. */
    public record Result(IndicatorModel model, MonthReports month) {
    }

    /**
     * One indicator in one month, computed as generate would with --skip-invalid (nothing is written): each
     * unit's target, figure, completion and the cell it came from.
     */
    public static Snapshot month(Path workspace, String code, String monthSpec) {
        Workspace ws = Workspace.open(workspace);
        IndicatorModel model = ModelLoader.load(ws);
        model.indicator(code).orElseThrow(() -> BulletinException.usage(
                "没有编码为“" + code + "”的指标（运行 bulletin inspect 查看所有编码）"));
        YearMonth month = Months.parse(monthSpec, model.year());
        MonthCheck.Accepted accepted = MonthCheck.run(ws, model, month).accepted(false);
        History.Previous previous = History.before(model, month, new WorkspaceHistory(ws, model));
        int issue = previous.nextIssue();
        return Engine.compute(new Engine.Input(model, month, accepted.reports(), previous.snapshot(),
                previous.how().id(), issue, month.atEndOfMonth().toString(), null, null, null, accepted.excluded()));
    }

    public static Result load(Path workspace, String monthSpec) {
        Workspace ws = Workspace.open(workspace);
        IndicatorModel model = ModelLoader.load(ws);
        if (monthSpec == null) {
            return new Result(model, null);
        }
        YearMonth month = Months.parse(monthSpec, model.year());
        return new Result(model, ProgressReader.read(ws, model, month));
    }
}
