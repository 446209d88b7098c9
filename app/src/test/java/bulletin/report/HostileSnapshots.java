package bulletin.report;

import bulletin.model.Card;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.model.Platform;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Behind;
import bulletin.model.Snapshot.Excluded;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.LevelSummary;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot.Summary;
import bulletin.model.Snapshot.UnitText;
import bulletin.model.Source;
import bulletin.model.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Snapshots made to break a shortcut that claims to give what Jackson gives: every record type reachable from
 * {@link Snapshot}, hostile strings (every control character, U+007F–U+009F, U+2028/2029, lone and paired
 * surrogates, non-BMP characters, quotes, backslashes, HTML-sensitive characters, empty and long strings), nulls in
 * every nullable field, empty lists and maps, keys needing escapes, and decimals of every scale. A fixed seed makes
 * each run the same.
 */
final class HostileSnapshots {

    /** Characters a string is drawn from, each as its own code unit(s). */
    private static final List<String> PIECES = pieces();

    private final SplittableRandom r;
    /** Decimals written plain stay below Jackson's reading limit of 1000 characters a number. */
    private final int maxScale;

    HostileSnapshots(long seed, int maxScale) {
        this.r = new SplittableRandom(seed);
        this.maxScale = maxScale;
    }

    private static List<String> pieces() {
        List<String> out = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            out.add(String.valueOf(c));
        }
        for (char c = 0x7F; c <= 0x9F; c++) {
            out.add(String.valueOf(c));
        }
        for (String s : List.of("\u2028", "\u2029", "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d\ude00",
                "\ud840\udc00", "\uD83D\uDC4D", "\"", "\\", "/", "<", ">", "&", "'", "=", "`", "</script>", "\u00a0",
                "\u00ff", "\u0100", "\u07ff", "\u0800", "\ufeff", "\ufffe", "\uffff", "\ud7ff", "\ue000", "白", "镇",
                "“", "”", "％", "a", "Z", "0", " ", "\\u0041", "null", "{", "}", "[", "]", ":", ",")) {
            out.add(s);
        }
        return out;
    }

    String string() {
        return r.nextInt(8) == 0 ? null : text();
    }

    /** A string that is never null. */
    String text() {
        int shape = r.nextInt(20);
        int n = shape == 0 ? 0 : shape == 1 ? 2000 + r.nextInt(6000) : r.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append(PIECES.get(r.nextInt(PIECES.size())));
        }
        return b.toString();
    }

    BigDecimal decimal() {
        return r.nextInt(6) == 0 ? null : number();
    }

    /** A decimal of any sign, size and scale, trailing zeros and 1E+3 forms included. */
    BigDecimal number() {
        BigInteger u = switch (r.nextInt(8)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.valueOf(r.nextLong());
            case 2 -> BigInteger.valueOf(r.nextBoolean() ? Long.MAX_VALUE - r.nextInt(3) : Long.MIN_VALUE + r.nextInt(3));
            case 3 -> BigInteger.TEN.pow(r.nextInt(40)).multiply(BigInteger.valueOf(r.nextInt(1, 1000)));
            case 4 -> new BigInteger(1 + r.nextInt(200), new java.util.Random(r.nextLong()));
            default -> BigInteger.valueOf(r.nextLong(-100_000, 100_000));
        };
        if (r.nextBoolean()) {
            u = u.negate();
        }
        int scale = switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> -r.nextInt(maxScale + 1);
            case 2 -> r.nextInt(maxScale + 1);
            default -> r.nextInt(-6, 12);
        };
        return new BigDecimal(u, scale);
    }

    private <T> T pick(T[] values) {
        return r.nextInt(5) == 0 ? null : values[r.nextInt(values.length)];
    }

    private List<String> strings() {
        int shape = r.nextInt(6);
        if (shape == 0) {
            return null;
        }
        if (shape == 1) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int k = r.nextInt(4); k >= 0; k--) {
            out.add(string());
        }
        return out;
    }

    private Source source() {
        return r.nextInt(4) == 0 ? null : new Source(string(), string(), string());
    }

    Figure figure() {
        if (r.nextInt(6) == 0) {
            return null;
        }
        return new Figure(decimal(), string(), decimal(), decimal(), decimal(), pick(Status.values()),
                pick(Card.values()), r.nextBoolean(), source(), string());
    }

    private <V> Map<String, V> map(java.util.function.Supplier<V> value) {
        int shape = r.nextInt(6);
        Map<String, V> m = switch (shape) {
            case 0 -> new HashMap<>();
            case 1 -> new TreeMap<>();
            default -> new LinkedHashMap<>();
        };
        if (r.nextInt(5) > 0) {
            for (int k = r.nextInt(5); k >= 0; k--) {
                m.put(text(), value.get());
            }
        }
        return m;
    }

    private List<UnitText> texts() {
        int shape = r.nextInt(5);
        if (shape == 0) {
            return null;
        }
        List<UnitText> out = new ArrayList<>();
        for (int k = shape == 1 ? 0 : r.nextInt(4); k > 0; k--) {
            out.add(r.nextInt(8) == 0 ? null : new UnitText(string(), string(), source()));
        }
        return out;
    }

    SnapshotIndicator indicator() {
        return new SnapshotIndicator(string(), r.nextInt(), string(), string(), strings(), pick(Level.values()),
                pick(Kind.values()), string(), string(), decimal(), figure(),
                r.nextInt(6) == 0 ? null : map(this::figure), pick(Card.values()), decimal(), decimal(), texts(),
                texts(), r.nextBoolean(), r.nextInt(), string());
    }

    private LevelSummary level() {
        return r.nextInt(4) == 0 ? null : new LevelSummary(r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(),
                r.nextInt(), r.nextInt());
    }

    private Summary summary() {
        if (r.nextInt(6) == 0) {
            return null;
        }
        List<Behind> behind = null;
        if (r.nextInt(5) > 0) {
            behind = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) {
                behind.add(r.nextInt(6) == 0 ? null : new Behind(string(), string(), pick(Level.values()), decimal(),
                        decimal(), string(), pick(Card.values())));
            }
        }
        return new Summary(level(), level(), strings(), behind, strings(), r.nextInt());
    }

    private Platform platform() {
        if (r.nextInt(3) == 0) {
            return null;
        }
        List<Platform.Module> modules = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            modules.add(new Platform.Module(string(), string()));
        }
        List<Platform.Row> rows = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            rows.add(new Platform.Row(string(), r.nextBoolean(), counts(), r.nextLong(), source()));
        }
        return new Platform(string(), string(), modules, rows, counts(), r.nextLong());
    }

    private Map<String, Long> counts() {
        return map(() -> r.nextInt(6) == 0 ? null : switch (r.nextInt(3)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            default -> (long) r.nextInt(-5, 100);
        });
    }

    /** The next {@code n} snapshots, made in order (so the same for a seed whoever checks them, and on which core). */
    List<Snapshot> snapshots(int n) {
        List<Snapshot> all = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            all.add(snapshot());
        }
        return all;
    }

    Snapshot snapshot() {
        List<SnapshotIndicator> indicators = null;
        if (r.nextInt(8) > 0) {
            indicators = new ArrayList<>();
            for (int k = r.nextInt(5); k > 0; k--) {
                indicators.add(r.nextInt(10) == 0 ? null : indicator());
            }
        }
        List<Excluded> excluded = null;
        if (r.nextInt(3) > 0) {
            excluded = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                excluded.add(new Excluded(string(), string(), string(), string(), string(), string(), string()));
            }
        }
        return new Snapshot(r.nextInt(), r.nextInt(), r.nextInt(), string(), decimal(), string(), string(),
                strings(), string(), indicators, summary(), strings(), strings(), string(), excluded, platform());
    }
}
