package bulletin.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provincial platform's upload counts of one month (附件3), from the workspace's
 * {@code platform/YYYY-MM.xlsx}: a count per module (政策文件, 建设内容, …) for each unit, and the totals.
 *
 * @param file    the workbook, relative to the workspace
 * @param title   the table's title as the file gives it, or null
 * @param modules the module columns in the file's order
 * @param rows    the reporting units in the tables' order, then the other rows the file has (市本级, a
 *                department) in the file's order
 * @param totals  per module, the sum over all rows
 * @param total   all uploads: the sum of {@code totals}
 */
public record Platform(String file, String title, List<Module> modules, List<Row> rows, Map<String, Long> totals,
                       long total) {

    public Platform {
        modules = List.copyOf(modules);
        rows = List.copyOf(rows);
        totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    }

    /**
     * One module column.
     *
     * @param group the heading over it in a two-row header (码上通管理, 工作动态管理), or null
     */
    public record Module(String name, String group) {
    }

    /**
     * One row of the table.
     *
     * @param name   the unit's name as the tables write it (other rows: as the file writes it)
     * @param unit   true for a reporting unit of the tables, false for another row (市本级, a department)
     * @param counts per module, in the modules' order; a blank cell counts 0
     * @param total  the row's uploads: the sum of {@code counts}
     * @param source the cell of the row's name
     */
    public record Row(String name, boolean unit, Map<String, Long> counts, long total, Source source) {

        public Row {
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }

        /** The modules this row has nothing in, in the modules' order. */
        public List<String> emptyModules() {
            List<String> out = new ArrayList<>();
            counts.forEach((m, n) -> {
                if (n == 0) {
                    out.add(m);
                }
            });
            return out;
        }
    }
}
