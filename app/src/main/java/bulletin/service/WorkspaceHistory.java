package bulletin.service;

import bulletin.engine.History;
import bulletin.ingest.SnapshotReader;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.Snapshot;
import bulletin.validate.MonthCheck;
import bulletin.workspace.InputFiles;
import bulletin.workspace.Workspace;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The months of one run as the workspace keeps them: their snapshots in out/, their workbooks in progress/, each
 * workbook read and judged once, by one gate ({@link MonthCheck}), whoever asks for it: the published month's check,
 * the months computed again for history, {@code inspect}. A month computed again takes what a published month
 * takes with {@code --skip-invalid}, so a recomputed April equals the April published so.
 *
 * <p>A snapshot that is damaged or foreign (not JSON, {@code {}}, another month's or year's, not a regular file)
 * is named in a note and treated as absent, so that its month is computed again from its workbooks.
 */
final class WorkspaceHistory implements History.Source {

    private final Workspace ws;
    private final IndicatorModel model;
    private final List<String> notes = new ArrayList<>();
    private final Map<YearMonth, Optional<Snapshot>> snapshots = new HashMap<>();
    private final Map<YearMonth, MonthCheck> checks = new HashMap<>();
    private final Set<YearMonth> withPlatform = new HashSet<>();

    WorkspaceHistory(Workspace ws, IndicatorModel model) {
        this.ws = ws;
        this.model = model;
    }

    @Override
    public Optional<Snapshot> snapshot(YearMonth m) {
        Optional<Snapshot> known = snapshots.get(m);
        if (known == null) {
            known = read(m);
            snapshots.put(m, known);
        }
        return known;
    }

    private Optional<Snapshot> read(YearMonth m) {
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

    /**
     * A month computed again for history: its check is not kept (each earlier month is computed once, and keeping
     * every month's workbooks made memory grow with the year: 50 MiB more at province size by December), unless
     * the month was checked for itself already.
     */
    @Override
    public History.Reports reports(YearMonth m, Supplier<Snapshot> before) {
        MonthCheck known = checks.get(m);
        MonthCheck.Reading reading = ahead.remove(m);
        // Not checked for itself: what the check would accept, each workbook's form let go as soon as it is judged.
        MonthCheck.Accepted a = known != null ? known.accepted(false) : MonthCheck.history(
                reading != null ? reading : MonthCheck.Reading.of(ws, model, m), model,
                () -> MonthCheck.lastMonth(before.get(), model, label(m.minusMonths(1))));
        return new History.Reports(a.reports(), a.excluded());
    }

    /**
     * The months whose workbooks are read ahead, until their reports or check are asked for: the month computed
     * again next, and the month checked after its history (whose reading is made before its history is computed).
     */
    private final Map<YearMonth, MonthCheck.Reading> ahead = new HashMap<>();

    /** A month whose workbooks are not read after its history ({@link #lastMonth}): not read ahead. */
    private YearMonth notRead;

    /**
     * Starts reading the month's workbooks on a thread of its own, while the month before is judged and computed
     * (on every core, with barriers between its steps: the reading fills the gaps). Not for a month checked already.
     */
    @Override
    public void ahead(YearMonth m) {
        if (checks.containsKey(m) || m.equals(notRead)) {
            return;
        }
        ahead.computeIfAbsent(m, x -> MonthCheck.Reading.of(ws, model, x)).startReadingAhead();
    }

    @Override
    public Optional<Snapshot> computed(YearMonth m) {
        return lastComputed != null && lastComputed.month().equals(m) ? Optional.of(lastComputed.snapshot())
                : Optional.empty();
    }

    @Override
    public void computed(YearMonth m, Snapshot s) {
        lastComputed = new Computed(m, s);
    }

    /** The last month computed again, kept for the next question about it (validate of files of two months). */
    private record Computed(YearMonth month, Snapshot snapshot) {
    }

    private Computed lastComputed;

    /**
     * The month's workbooks judged, once per run: against last month's figures, which {@code before} gives (last
     * month's snapshot, kept or computed again; null where there is none) when the month has workbooks.
     *
     * @param platform whether the month's platform counts are wanted too (the published month)
     */
    MonthCheck check(YearMonth m, Supplier<Snapshot> before, boolean platform) {
        MonthCheck known = checks.get(m);
        if (known != null && (!platform || withPlatform.contains(m))) {
            return known;
        }
        MonthCheck c;
        if (known != null) {
            c = known.withPlatform(ws, model);
        } else {
            // Its workbooks may be read ahead while its history is computed (through before), or were already.
            MonthCheck.Reading reading = ahead.computeIfAbsent(m, x -> MonthCheck.Reading.of(ws, model, x));
            try {
                c = MonthCheck.run(reading, ws, model,
                        () -> MonthCheck.lastMonth(before.get(), model, label(m.minusMonths(1))), platform);
            } finally {
                ahead.remove(m);
            }
        }
        checks.put(m, c);
        if (platform) {
            withPlatform.add(m);
        }
        return c;
    }

    /** The published month's check: judged against last month as {@link History#before} finds it. */
    MonthCheck check(YearMonth m, boolean platform) {
        return check(m, () -> History.before(model, m, this).snapshot(), platform);
    }

    /** Last month's figures by reporter, as the checks of {@code m} compare with (empty where there is none). */
    Map<String, MonthlyReport> lastMonth(YearMonth m) {
        notRead = m; // (its workbooks are not read here: not read ahead either)
        try {
            return MonthCheck.lastMonth(History.before(model, m, this).snapshot(), model, label(m.minusMonths(1)));
        } finally {
            notRead = null;
        }
    }

    /** How the messages name a month as last month: its bulletin, or null where it was computed again. */
    private String label(YearMonth pm) {
        return snapshot(pm).isPresent() ? ws.show(ws.snapshotFile(pm)) + "，" + pm.getMonthValue() + "月专报" : null;
    }

    /** What was said about the snapshots that could not be used, in the order they were met. */
    List<String> notes() {
        return List.copyOf(notes);
    }
}
