package bulletin.diag;

/**
 * Where something is: a file, optionally a sheet, optionally a cell. Any part may be null. In a text file (the
 * clerk's notes) the position is a line number, held where a workbook holds its cell: {@code notes/2026-05.md:12}.
 */
public record Place(String file, String sheet, String cell) {

    public static final Place NOWHERE = new Place(null, null, null);

    public static Place file(String file) {
        return new Place(file, null, null);
    }

    /** Line {@code line} (1-based) of a text file. */
    public static Place line(String file, int line) {
        return new Place(file, null, String.valueOf(line));
    }

    public Place sheet(String sheetName) {
        return new Place(file, sheetName, null);
    }

    public Place cell(String ref) {
        return new Place(file, sheet, ref);
    }

    /** Reads back what {@link #format()} wrote: {@code file:Sheet!C12}. */
    public static Place parse(String formatted) {
        if (formatted == null) {
            return NOWHERE;
        }
        int colon = formatted.lastIndexOf(':');
        if (colon < 0) {
            return file(formatted);
        }
        String file = formatted.substring(0, colon);
        String rest = formatted.substring(colon + 1);
        int bang = rest.lastIndexOf('!');
        return bang < 0 ? new Place(file, rest, null) : new Place(file, rest.substring(0, bang), rest.substring(bang + 1));
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
