package bulletin.model;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One reporter's workbook for one month.
 *
 * @param reporter    the reporting unit (or lead department) the workbook is from
 * @param month       the month it reports on
 * @param file        the workbook, relative to the workspace
 * @param formVersion the form version from the hidden sheet, or null for a workbook not made by {@code template}
 * @param entries     by indicator code, in the form's order
 * @param excluded    codes whose figures were left out as wrong ({@code generate --skip-invalid}): the engine
 *                    carries last month's figure for them, as for a unit that did not report
 */
public record MonthlyReport(String reporter, YearMonth month, String file, String formVersion,
                            Map<String, ReportEntry> entries, Set<String> excluded) {

    public MonthlyReport {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }

    public MonthlyReport(String reporter, YearMonth month, String file, String formVersion,
                         Map<String, ReportEntry> entries) {
        this(reporter, month, file, formVersion, entries, Set.of());
    }
}
