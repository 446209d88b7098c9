package bulletin.report;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Platform;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.SnapshotIndicator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadBack#of} equals {@code SnapshotReader.parse(SnapshotJson.write(s))} on hostile snapshots made at random
 * with fixed seeds ({@link HostileSnapshots}): the records equal (each decimal's scale included), the lists and maps
 * of the reader's classes, the maps in the same order. Decimals are kept below the reader's limit of 1000
 * characters a number (beyond it the reader refuses the JSON, which {@code ReadBack} does not know of).
 */
class ReadBackPropertyTest {

    private static void same(Snapshot s, String what) {
        Snapshot read = SnapshotReader.parse(SnapshotJson.write(s));
        Snapshot ours = ReadBack.of(s);
        assertThat(ours).as(what).isEqualTo(read);
        kind(ours.units(), read.units(), what);
        kind(ours.late(), read.late(), what);
        kind(ours.lateDepartments(), read.lateDepartments(), what);
        kind(ours.excluded(), read.excluded(), what);
        if (read.summary() != null) {
            kind(ours.summary().behind(), read.summary().behind(), what);
            kind(ours.summary().cleared(), read.summary().cleared(), what);
            kind(ours.summary().unitsOnSchedule(), read.summary().unitsOnSchedule(), what);
        }
        kind(ours.indicators(), read.indicators(), what);
        if (read.indicators() != null) {
            for (int k = 0; k < read.indicators().size(); k++) {
                SnapshotIndicator a = ours.indicators().get(k);
                SnapshotIndicator b = read.indicators().get(k);
                if (b == null) {
                    continue;
                }
                kind(a.units(), b.units(), what);
                kind(a.path(), b.path(), what);
                kind(a.notes(), b.notes(), what);
                kind(a.problems(), b.problems(), what);
                order(a.units(), b.units(), what);
            }
        }
        Platform p = read.platform();
        if (p != null) {
            order(ours.platform().totals(), p.totals(), what);
            for (int k = 0; k < p.rows().size(); k++) {
                order(ours.platform().rows().get(k).counts(), p.rows().get(k).counts(), what);
            }
        }
        assertThat(SnapshotJson.write(ours)).as(what).isEqualTo(SnapshotJson.write(read));
    }

    private static void kind(Object a, Object b, String what) {
        assertThat(a == null ? null : a.getClass()).as(what).isEqualTo(b == null ? null : b.getClass());
    }

    private static void order(Map<String, ?> a, Map<String, ?> b, String what) {
        if (b != null) {
            assertThat(List.copyOf(a.keySet())).as("the keys' order, %s", what).isEqualTo(List.copyOf(b.keySet()));
        }
    }

    @Test
    void randomHostileSnapshots() {
        // The 250 snapshots made in order from the one seeded generator, then each checked on its own (a check
        // only reads its snapshot) on both cores; a failure is rethrown here, the first in the snapshots' order.
        List<Snapshot> all = new HostileSnapshots(70612L, 400).snapshots(250);
        bulletin.testing.Parallel.each(java.util.stream.IntStream.range(0, all.size()).boxed().toList(),
                n -> same(all.get(n), "snapshot " + n));
    }

    @Test
    void decimalsOfEveryScaleInEveryDecimalField() {
        HostileSnapshots g = new HostileSnapshots(33L, 900);
        for (int n = 0; n < 150; n++) {
            var f = new Snapshot.Figure(g.number(), null, g.number(), g.number(), g.number(), null, null, false);
            var i = new SnapshotIndicator("c", 1, null, null, null, null, null, null, null, g.number(), f,
                    Map.of("u", f), null, g.number(), g.number(), null, null, false, 0, null);
            var behind = new Snapshot.Behind(null, null, null, g.number(), g.number(), null, null);
            var summary = new Snapshot.Summary(null, null, null, List.of(behind), null, 0);
            same(new Snapshot(1, 1, 1, null, g.number(), null, null, null, null, List.of(i), summary, null, null,
                    null, null), "decimals " + n);
        }
    }
}
