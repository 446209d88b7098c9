package bulletin.engine;

import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.Snapshot;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Last month, as cards, gains and the issue number need it: its snapshot where one was kept, else computed
 * again from its workbooks through the same gate as a published month (validate's rules, leaving out what is wrong
 * as {@code --skip-invalid} does; and so on back to January), else absent. What is on disk is read by the caller
 * through a {@link Source}; this class only decides and computes.
 */
public final class History {

    /** How last month was known. */
    public enum How {
        /** Its {@code bulletin.json}. */
        SNAPSHOT("snapshot"),
        /** Computed again from its workbooks. */
        COMPUTED("computed"),
        /** Neither: no red cards, no gains, the issue numbers start again. */
        ABSENT("absent");

        private final String id;

        How(String id) {
            this.id = id;
        }

        /** The value of {@code previous} in bulletin.json. */
        public String id() {
            return id;
        }
    }

    /** Where earlier months come from. */
    public interface Source {
        /** The month's kept snapshot, if there is one. */
        Optional<Snapshot> snapshot(YearMonth month);

        /**
         * The month's reports as the gate takes them for {@code generate --skip-invalid}: judged by validate's rules
         * against the month before (which {@code before} gives, null where there is none, when asked), with what was
         * left out as wrong; no reports where the month has none.
         */
        Reports reports(YearMonth month, Supplier<Snapshot> before);

        /**
         * The month as computed again earlier in this run, where the source kept it (a month is computed once per
         * run however often it is asked for, without every computed month's reports being kept).
         */
        default Optional<Snapshot> computed(YearMonth month) {
            return Optional.empty();
        }

        /**
         * Says that {@code month} is asked for next (its month before is being computed again for it: its reports
         * where it is computed again too, else its check): the source may start reading its workbooks, which do not
         * depend on the month before.
         */
        default void ahead(YearMonth month) {
        }

        /** Offers the source a month just computed again, to keep or not. */
        default void computed(YearMonth month, Snapshot snapshot) {
        }
    }

    /** A month's reports as the gate takes them, and the figures and workbooks it left out as wrong. */
    public record Reports(List<MonthlyReport> reports, List<Snapshot.Excluded> excluded) {

        public Reports {
            reports = List.copyOf(reports);
            excluded = excluded == null ? List.of() : List.copyOf(excluded);
        }
    }

    /** Last month's snapshot (null where absent), how it was known, and the issue number that follows it. */
    public record Previous(Snapshot snapshot, How how, int nextIssue) {

        static final Previous NONE = new Previous(null, How.ABSENT, 1);
    }

    /** Months computed again are at most a year back, and never of another year. */
    private static final int MAX_DEPTH = 12;

    private History() {
    }

    public static Previous before(IndicatorModel model, YearMonth month, Source source) {
        if (month.getMonthValue() == 1) {
            return Previous.NONE;
        }
        YearMonth pm = month.minusMonths(1);
        Optional<Snapshot> kept = source.snapshot(pm);
        if (kept.isPresent()) {
            return new Previous(kept.get(), How.SNAPSHOT, kept.get().issue() + 1);
        }
        Snapshot s = compute(model, pm, source, 0);
        return s == null ? Previous.NONE : new Previous(s, How.COMPUTED, s.issue() + 1);
    }

    /** A month computed from its workbooks, with its own previous month in turn; null where it has none. */
    private static Snapshot compute(IndicatorModel model, YearMonth m, Source source, int depth) {
        if (m.getYear() != model.year() || depth > MAX_DEPTH) {
            return null;
        }
        if (depth > 0) {
            Optional<Snapshot> kept = source.snapshot(m);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        Optional<Snapshot> done = source.computed(m);
        if (done.isPresent()) {
            return done.get();
        }
        // The month before first, then this month's reports: one month's workbooks in memory at a time, not the
        // year's (each month's reports were held while every earlier month was read and computed).
        Snapshot b = m.getMonthValue() == 1 ? null : compute(model, m.minusMonths(1), source, depth + 1);
        // The month after is asked for next (computed again, or the month whose history this is): its workbooks may
        // be read while this month is judged and computed.
        source.ahead(m.plusMonths(1));
        Reports reports = source.reports(m, () -> b);
        if (reports.reports().isEmpty()) {
            return null;
        }
        int issue = b == null ? 1 : b.issue() + 1;
        Snapshot s = Engine.compute(new Engine.Input(model, m, reports.reports(), b,
                b == null ? How.ABSENT.id() : How.COMPUTED.id(), issue, m.atEndOfMonth().toString(), null, null,
                null, reports.excluded()));
        source.computed(m, s);
        return s;
    }
}
