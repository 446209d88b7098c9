package bulletin.document;

import bulletin.model.Snapshot;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The snapshot as the paper prints it: bulletin.yaml's {@code name:} for an indicator whose name in the tables
 * has a typo ("1650万人次" printed as "1650人次"), in bulletin.json, the text, the chart and the appendix alike.
 * The tables' own name stays in the model and so in the forms, which the units' workbooks are checked against.
 */
public final class Printed {

    private Printed() {
    }

    /** {@code s} with the names given by code; {@code s} itself where none is given. */
    public static Snapshot named(Snapshot s, Map<String, String> names) {
        if (names.isEmpty()) {
            return s;
        }
        List<SnapshotIndicator> out = new ArrayList<>();
        for (SnapshotIndicator i : s.indicators()) {
            String given = names.get(i.code());
            if (given == null || given.isBlank()) {
                out.add(i);
                continue;
            }
            String name = Text.clean(given);
            List<String> path = new ArrayList<>(i.path());
            boolean alone = i.name().equals(i.itemName());
            if (!path.isEmpty()) {
                path.set(path.size() - 1, name);
            }
            out.add(new SnapshotIndicator(i.code(), i.item(), alone ? name : i.itemName(), name, path, i.level(),
                    i.kind(), i.measure(), i.leadUnit(), i.schedule(), i.total(), i.units(), i.card(), i.gain(),
                    i.progressGain(), i.notes(), i.problems(), i.perUnit(), i.behindMonths(), i.pending()));
        }
        // The summary's list of behind indicators names them as the paper does too (the terminal prints it).
        Snapshot.Summary sum = s.summary();
        List<Snapshot.Behind> behind = new ArrayList<>();
        for (Snapshot.Behind b : sum.behind()) {
            String given = names.get(b.code());
            behind.add(given == null || given.isBlank() ? b : new Snapshot.Behind(b.code(), Text.clean(given),
                    b.level(), b.progress(), b.schedule(), b.leadUnit(), b.card()));
        }
        sum = new Snapshot.Summary(sum.province(), sum.city(), sum.unitsOnSchedule(), behind, sum.cleared(),
                sum.previousCards());
        return new Snapshot(s.year(), s.month(), s.issue(), s.date(), s.schedule(), s.title(), s.office(), s.units(),
                s.previous(), out, sum, s.late(), s.lateDepartments(), s.inputs(), s.excluded(),
                s.platform());
    }
}
