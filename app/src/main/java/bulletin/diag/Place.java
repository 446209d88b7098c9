package bulletin.diag;

/** Where something is: a file, optionally a sheet, optionally a cell. Any part may be null. */
public record Place(String file, String sheet, String cell) {

    public static final Place NOWHERE = new Place(null, null, null);

    public static Place file(String file) {
        return new Place(file, null, null);
    }

    public Place sheet(String sheetName) {
        return new Place(file, sheetName, null);
    }

    public Place cell(String ref) {
        return new Place(file, sheet, ref);
    }

    /** {@code file:Sheet!C12}, {@code file:Sheet}, {@code file} or empty. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (sheet != null) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(sheet);
            if (cell != null) {
                sb.append('!').append(cell);
            }
        } else if (cell != null) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(cell);
        }
        return sb.toString();
    }
}
