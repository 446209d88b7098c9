package bulletin.model;

import bulletin.diag.Problems;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A month's returned workbooks as read: the reports, what was wrong with the workbooks, and the files found.
 *
 * @param files the workbooks in the month's folder, as shown to the user
 */
public record MonthReports(YearMonth month, List<MonthlyReport> reports, Problems problems, List<String> files) {

    public Optional<MonthlyReport> of(String reporter) {
        return reports.stream().filter(r -> r.reporter().equals(reporter)).findFirst();
    }
}
