package bulletin.service;

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
