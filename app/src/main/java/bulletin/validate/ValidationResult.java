package bulletin.validate;

import bulletin.diag.Problem;
import bulletin.diag.Severity;
import java.time.YearMonth;
import java.util.List;

/**
 * All findings.
 *
 * @param month   the month checked, or null
 * @param general findings about the month as a whole (units missing, a unit twice)
 */
public record ValidationResult(YearMonth month, List<FileResult> files, List<Problem> general, boolean strict) {
    public boolean valid() {
        boolean generalOk = general.stream().noneMatch(p -> p.severity() == Severity.ERROR
                || (strict && p.severity() == Severity.WARNING));
        return generalOk && files.stream().allMatch(f -> f.valid(strict));
    }

    /** One file's findings; {@code file} is as the user named it. */
    public record FileResult(String file, List<Problem> problems) {
        public long errors() {
            return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        }

        public long warnings() {
            return problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
        }

        public boolean valid(boolean strict) {
            return errors() == 0 && (!strict || warnings() == 0);
        }
    }
}
