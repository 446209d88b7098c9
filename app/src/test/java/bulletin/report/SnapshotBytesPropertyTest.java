package bulletin.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.model.Snapshot;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SnapshotBytes} is {@code SnapshotJson.write(s).getBytes(UTF_8)} byte for byte, on hostile snapshots made
 * at random with fixed seeds ({@link HostileSnapshots}).
 */
class SnapshotBytesPropertyTest {

    private static void same(Snapshot s, String what) {
        byte[] jackson = SnapshotJson.write(s).getBytes(StandardCharsets.UTF_8);
        byte[] ours = SnapshotJson.bytes(s);
        if (!java.util.Arrays.equals(ours, jackson)) {
            assertThat(new String(ours, StandardCharsets.UTF_8)).as(what)
                    .isEqualTo(new String(jackson, StandardCharsets.UTF_8));
            assertThat(ours).as(what).isEqualTo(jackson);
        }
    }

    @Test
    void randomHostileSnapshots() {
        // The 250 snapshots made in order from the one seeded generator, then each checked on its own (a check
        // only reads its snapshot) on both cores; a failure is rethrown here, the first in the snapshots' order.
        List<Snapshot> all = new HostileSnapshots(20261207L, 400).snapshots(250);
        bulletin.testing.Parallel.each(java.util.stream.IntStream.range(0, all.size()).boxed().toList(),
                n -> same(all.get(n), "snapshot " + n));
    }

    @Test
    void decimalsOfHugeAndTinyScales() {
        HostileSnapshots g = new HostileSnapshots(7L, 3000);
        for (int n = 0; n < 150; n++) {
            var f = new Snapshot.Figure(g.number(), null, g.number(), g.number(), g.number(), null, null, false);
            var i = new Snapshot.SnapshotIndicator("c", 1, null, null, null, null, null, null, null, g.number(), f,
                    java.util.Map.of(), null, g.number(), g.number(), null, null, false, 0, null);
            same(new Snapshot(1, 1, 1, null, g.number(), null, null, null, null, java.util.List.of(i), null, null,
                    null, null, null), "decimals " + n);
        }
    }

    @Test
    void everyCharacterOfTheBasicPlaneAloneAndPaired() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        // every high surrogate before every 64th low one, and the other way round
        for (char h = 0xD800; h <= 0xDBFF; h++) {
            all.append(h).append((char) (0xDC00 + (h & 0x3FF))).append((char) (0xDC00 + (h & 0x3F))).append(h);
        }
        String s = all.toString();
        same(new Snapshot(1, 1, 1, s, null, s.substring(0xD7F0, 0xE010), s.substring(0, 0x100), java.util.List.of(s,
                "\ud800", "\udc00", "\ud800\udc00", ""), "\udbff\udfff\udbff", null, null, null, null, null, null),
                "every character");
    }

    /**
     * Jackson refuses to write a decimal plain beyond a scale of ±9999 (1E+10000, 0E-10000): SnapshotBytes wrote
     * the 10,001 digits where {@code SnapshotJson.write} throws. Within the bounds the two agree.
     */
    @Test
    void decimalsBeyondJacksonsPlainScaleAreRefusedAsJacksonRefusesThem() {
        for (String d : List.of("1E+10000", "1E-10000", "0E+10000", "0E-10000", "-5E+12345", "1E+2147483647",
                "1E-2147483647")) {
            Snapshot s = new Snapshot(1, 1, 1, null, new BigDecimal(d), null, null, null, null, null, null, null,
                    null, null, null);
            assertThatThrownBy(() -> SnapshotJson.write(s)).as(d).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("illegal scale");
            assertThatThrownBy(() -> SnapshotJson.bytes(s)).as(d).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("illegal scale");
        }
        for (String d : List.of("1E+9999", "1E-9999", "0E+9999", "0E-9999", "-7E+9998")) {
            same(new Snapshot(1, 1, 1, null, new BigDecimal(d), null, null, null, null, null, null, null, null, null,
                    null), d);
        }
    }

    /** A map with a null key: Jackson refuses it (IllegalStateException from write); SnapshotBytes threw an NPE. */
    @Test
    void aNullKeyIsRefusedAsJacksonRefusesIt() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("政策文件", 1L);
        counts.put(null, 2L);
        java.util.Map<String, Snapshot.Figure> units = new java.util.HashMap<>();
        units.put(null, null);
        var i = new Snapshot.SnapshotIndicator("c", 1, null, null, null, null, null, null, null, null, null, units,
                null, null, null, null, null, false, 0, null);
        var platform = new bulletin.model.Platform("p.xlsx", null, List.of(), List.of(), counts, 3);
        for (Snapshot s : List.of(new Snapshot(1, 1, 1, null, null, null, null, null, null, List.of(i), null, null,
                null, null, null), new Snapshot(1, 1, 1, null, null, null, null, null, null, null, null, null, null,
                null, null, platform))) {
            assertThatThrownBy(() -> SnapshotJson.write(s)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Null key");
            assertThatThrownBy(() -> SnapshotJson.bytes(s)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Null key");
        }
    }
}
