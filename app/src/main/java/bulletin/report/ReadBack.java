package bulletin.report;

import bulletin.model.Platform;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Behind;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot.Summary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot as {@code SnapshotReader.parse(SnapshotJson.write(s))} reads it back, made without the JSON: the
 * documents are made from what {@code bulletin.json} holds, and at province size writing 3.7 MB of JSON and reading
 * it again cost the main thread about 40–60 ms and 40 MB of garbage. What the trip changes, this does: a decimal
 * written plain with a negative scale (1E+3, from a figure whose trailing zeros were taken off) is read back as the
 * whole number at scale 0; every list is read into an {@link ArrayList} and every map into a {@link LinkedHashMap}
 * in its order; each record is made again through its canonical constructor. Strings, enums and the records that
 * hold only those (a cell's {@code Source}, a unit's text, an exclusion, the level counts) come back equal and are
 * kept as they are. {@code ReadBackTest} holds the two equal on computed snapshots and on hand-made ones.
 */
public final class ReadBack {

    private ReadBack() {
    }

    public static Snapshot of(Snapshot s) {
        return new Snapshot(s.year(), s.month(), s.issue(), s.date(), decimal(s.schedule()), s.title(), s.office(),
                list(s.units()), s.previous(), list(s.indicators(), ReadBack::indicator), summary(s.summary()),
                list(s.late()), list(s.lateDepartments()), s.inputs(), list(s.excluded()), platform(s.platform()));
    }

    private static SnapshotIndicator indicator(SnapshotIndicator i) {
        Map<String, Figure> units = null;
        if (i.units() != null) {
            units = new LinkedHashMap<>();
            for (Map.Entry<String, Figure> e : i.units().entrySet()) {
                units.put(e.getKey(), figure(e.getValue()));
            }
        }
        return new SnapshotIndicator(i.code(), i.item(), i.itemName(), i.name(), list(i.path()), i.level(), i.kind(),
                i.measure(), i.leadUnit(), decimal(i.schedule()), figure(i.total()), units, i.card(),
                decimal(i.gain()), decimal(i.progressGain()), list(i.notes()), list(i.problems()), i.perUnit(),
                i.behindMonths(), i.pending());
    }

    private static Figure figure(Figure f) {
        if (f == null) {
            return null;
        }
        return new Figure(decimal(f.target()), f.targetText(), decimal(f.done()), decimal(f.percent()),
                decimal(f.progress()), f.status(), f.card(), f.carried(), f.source(), f.carriedFrom());
    }

    private static Summary summary(Summary s) {
        if (s == null) {
            return null;
        }
        List<Behind> behind = list(s.behind(), b -> new Behind(b.code(), b.name(), b.level(), decimal(b.progress()),
                decimal(b.schedule()), b.leadUnit(), b.card()));
        return new Summary(s.province(), s.city(), list(s.unitsOnSchedule()), behind, list(s.cleared()),
                s.previousCards());
    }

    private static Platform platform(Platform p) {
        if (p == null) {
            return null;
        }
        List<Platform.Row> rows = list(p.rows(), r -> new Platform.Row(r.name(), r.unit(), map(r.counts()), r.total(),
                r.source()));
        return new Platform(p.file(), p.title(), list(p.modules()), rows, map(p.totals()), p.total());
    }

    /** As written plain and read again: a negative scale becomes 0 (the same number, written without a point). */
    static BigDecimal decimal(BigDecimal v) {
        return v == null || v.scale() >= 0 ? v : v.setScale(0);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? null : new ArrayList<>(l);
    }

    /** The list read back with each element made again by {@code again} (a null one stays null). */
    private static <T> List<T> list(List<T> l, java.util.function.UnaryOperator<T> again) {
        if (l == null) {
            return null;
        }
        List<T> out = new ArrayList<>(l.size());
        for (T x : l) {
            out.add(x == null ? null : again.apply(x));
        }
        return out;
    }

    private static <V> Map<String, V> map(Map<String, V> m) {
        return m == null ? null : new LinkedHashMap<>(m);
    }
}
