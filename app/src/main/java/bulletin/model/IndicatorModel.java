package bulletin.model;

import bulletin.diag.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the official tables say: the year, the reporting units in the table's order, the projects
 * and their indicators, and what the reader noticed on the way (warnings such as indicators it could not
 * join to the responsibility table).
 *
 * @param units     the units of the tables, in their order: the areas (and 备注 reporters), with or without a task
 * @param sources   the workbooks and sheets the model was read from
 * @param idleUnits the units the tables list without any target or task: no form, never required, never late
 * @param layout    how the target table was laid out ("竖排…" or "横排…"), as {@code init} says it
 * @param programme the programme's own name (民生实事, 十大民生工程, 重点民生实事…), for the wording
 */
public record IndicatorModel(
        int year,
        String title,
        List<String> units,
        List<Item> items,
        List<Indicator> indicators,
        List<String> sources,
        List<Problem> problems,
        List<String> idleUnits,
        String layout,
        String programme) {

    /** The programme's name where neither the tables nor bulletin.yaml give another. */
    public static final String DEFAULT_PROGRAMME = "重点民生实事";

    public IndicatorModel {
        units = List.copyOf(units);
        items = List.copyOf(items);
        indicators = List.copyOf(indicators);
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
        idleUnits = idleUnits == null ? List.of() : List.copyOf(idleUnits);
        programme = programme == null || programme.isBlank() ? DEFAULT_PROGRAMME : programme;
    }

    /** A model of a usual table whose every area has a task, under the default programme name. */
    public IndicatorModel(int year, String title, List<String> units, List<Item> items, List<Indicator> indicators,
                          List<String> sources, List<Problem> problems) {
        this(year, title, units, items, indicators, sources, problems, List.of(), null, null);
    }

    /**
     * The units that must report: every unit with a target or a task in some indicator (issue 22). A unit without
     * any keeps its column in the appendix and may still send a workbook, but gets no form, is not required by
     * {@code --require-all} and is never named late.
     */
    public List<String> reporters() {
        return idleUnits.isEmpty() ? units : units.stream().filter(u -> !idleUnits.contains(u)).toList();
    }

    public Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(lookups().byCode().get(code));
    }

    /** {@link #indicator(String)}, or null where no indicator has the code: for the per-row checks (no Optional). */
    public Indicator indicatorOrNull(String code) {
        return lookups().byCode().get(code);
    }

    /**
     * What is looked up per row and per workbook, worked out once per model (a record holds no field of its own, so
     * the last model's are kept beside it): indicators by code (the first of a code), the departments, the units,
     * and the names of both, the longest first.
     */
    private record Lookups(IndicatorModel model, java.util.Map<String, Indicator> byCode, List<String> departments,
                           Set<String> units, List<String> namesLongestFirst) {
    }

    private static volatile Lookups lookups;

    private Lookups lookups() {
        Lookups l = lookups;
        if (l == null || l.model() != this) {
            java.util.Map<String, Indicator> byCode = new java.util.HashMap<>();
            indicators.forEach(i -> byCode.putIfAbsent(i.code(), i));
            List<String> departments = findDepartments();
            List<String> names = new java.util.ArrayList<>(units);
            names.addAll(departments);
            names.sort((a, b) -> b.length() - a.length());
            l = new Lookups(this, byCode, departments, new java.util.HashSet<>(units), // contains(null) is false
                    java.util.Collections.unmodifiableList(names));
            lookups = l;
        }
        return l;
    }

    /**
     * The units and the lead departments ({@link #departments}), the longest names first: a name found in a form's
     * text is taken as the longest that fits, never a shorter one inside it.
     */
    public List<String> namesLongestFirst() {
        return lookups().namesLongestFirst();
    }

    public Optional<Item> item(int number) {
        return items.stream().filter(i -> i.number() == number).findFirst();
    }

    public List<Indicator> indicatorsOf(Level level) {
        return indicators.stream().filter(i -> i.level() == level).toList();
    }

    /**
     * The lead units (市直牵头单位) that report city-wide figures themselves: the lead units of the
     * indicators that no reporting unit has a target for, and of the rates and ceilings whose city figure they may
     * give ({@link Indicator#cityFigureByLead}). In the tables' order, those that must report first.
     */
    public List<String> departments() {
        return lookups().departments();
    }

    private List<String> findDepartments() {
        Set<String> out = new LinkedHashSet<>();
        for (Indicator i : indicators) {
            if (i.reportedByLeadUnit() && !units.contains(i.responsibility().leadUnit())) {
                out.add(i.responsibility().leadUnit());
            }
        }
        for (Indicator i : indicators) {
            if (i.cityFigureByLead() && !units.contains(i.responsibility().leadUnit())) {
                out.add(i.responsibility().leadUnit());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The departments that must report: those that report a city-wide figure, not only one they may give (a
     * department asked only for optional rows is never late).
     */
    public List<String> requiredDepartments() {
        return departments().stream()
                .filter(d -> indicatorsFor(d).stream().anyMatch(Indicator::reportedByLeadUnit)).toList();
    }

    /**
     * The indicators a reporting unit or a lead department is asked about on its monthly form: a department's are
     * those it reports the city's figure of, and the rates it may give the city's own figure of (optional).
     */
    public List<Indicator> indicatorsFor(String reporter) {
        if (lookups().units().contains(reporter)) {
            return indicators;
        }
        return indicators.stream()
                .filter(i -> (i.reportedByLeadUnit() || i.cityFigureByLead())
                        && reporter.equals(i.responsibility().leadUnit()))
                .toList();
    }
}
