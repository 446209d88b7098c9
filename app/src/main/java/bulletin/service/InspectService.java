package bulletin.service;

import bulletin.diag.BulletinException;
import bulletin.diag.Problems;
import bulletin.engine.Engine;
import bulletin.engine.History;
import bulletin.ingest.ModelLoader;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthReports;
import bulletin.model.MonthlyReport;
import bulletin.model.Snapshot;
import bulletin.validate.MonthCheck;
import bulletin.validate.Validator;
import bulletin.workspace.Workspace;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code bulletin inspect}: the indicator model as the tool understood it, and optionally a month's workbooks, read
 * through the same gate as {@code generate} (what it would take with {@code --skip-invalid}, and why not the rest).
 */
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
        WorkspaceHistory months = new WorkspaceHistory(ws, model);
        History.Previous previous = History.before(model, month, months);
        MonthCheck.Accepted accepted = months.check(month, previous::snapshot, false).accepted(false);
        int issue = previous.nextIssue();
        return Engine.compute(new Engine.Input(model, month, accepted.reports(), previous.snapshot(),
                previous.how().id(), issue, month.atEndOfMonth().toString(), null, null, null, accepted.excluded()));
    }

    /**
     * The facts the bulletin's template is given for a month ({@code inspect --month M --json}), computed as
     * generate would with --skip-invalid (nothing is written), as JSON: the levels with their themes and
     * indicators, the cards, the behind indicators and the rest, so that an office rewording the template sees
     * what it may use.
     */
    public static String facts(Path workspace, String monthSpec) {
        Workspace ws = Workspace.open(workspace);
        IndicatorModel model = ModelLoader.load(ws);
        YearMonth month = Months.parse(monthSpec, model.year());
        WorkspaceHistory months = new WorkspaceHistory(ws, model);
        History.Previous previous = History.before(model, month, months);
        MonthCheck check = months.check(month, previous::snapshot, true);
        MonthCheck.Accepted accepted = check.accepted(false);
        Snapshot s = Engine.compute(new Engine.Input(model, month, accepted.reports(), previous.snapshot(),
                previous.how().id(), previous.nextIssue(), month.atEndOfMonth().toString(), null, null, null,
                accepted.excluded()));
        if (check.platform() != null) {
            s = s.withPlatform(check.platform().usable(false)); // the platform's counts, as generate gives them
        }
        java.util.Map<String, Object> extra = new java.util.HashMap<>();
        if (ws.config().deadline() != null) {
            extra.put("deadline", ws.config().deadline());
        }
        extra.put("noticeTitle", model.title() == null ? "" : model.title());
        extra.put("programme", model.programme());
        extra.put(bulletin.document.Wording.STYLE, ws.config().themed() ? "themed" : "itemised");
        extra.put(bulletin.document.Wording.THEMES, ws.config().themes());
        java.util.Map<String, String> shorts = new java.util.HashMap<>();
        ws.config().indicators().forEach((code, o) -> {
            if (o != null && o.shortName() != null) {
                shorts.put(code, o.shortName());
            }
        });
        extra.put(bulletin.document.Wording.SHORT_NAMES, shorts);
        if (previous.snapshot() != null) {
            extra.put(bulletin.document.Wording.PREVIOUS, previous.snapshot());
        }
        try {
            return bulletin.report.ModelJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(bulletin.document.Wording.facts(s, extra));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Result load(Path workspace, String monthSpec) {
        Workspace ws = Workspace.open(workspace);
        IndicatorModel model = ModelLoader.load(ws);
        if (monthSpec == null) {
            return new Result(model, null);
        }
        YearMonth month = Months.parse(monthSpec, model.year());
        MonthCheck check = new WorkspaceHistory(ws, model).check(month, false);
        Problems problems = new Problems();
        check.files().forEach(c -> c.problems().forEach(problems::add));
        check.general().forEach(problems::add);
        List<MonthlyReport> reports = new ArrayList<>(check.accepted(false).reports());
        List<String> order = new ArrayList<>(model.units());
        order.addAll(model.departments());
        reports.sort(Comparator.comparingInt(r -> {
            int i = order.indexOf(r.reporter());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return new Result(model, new MonthReports(month, reports, problems,
                check.files().stream().map(Validator.Checked::file).toList()));
    }
}
