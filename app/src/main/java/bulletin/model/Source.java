package bulletin.model;

/**
 * Where a figure or a text of the bulletin came from: the workbook (relative to the workspace), its sheet and
 * its cell. Printed as {@code progress/2026-05/白水镇.xlsx:进度填报!F16}.
 */
public record Source(String file, String sheet, String cell) {

    public String format() {
        return file + (sheet == null ? "" : ":" + sheet + (cell == null ? "" : "!" + cell));
    }
}
