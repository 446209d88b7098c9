package bulletin.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What an input folder ({@code targets/}, {@code progress/YYYY-MM/}) holds, told by names alone: nothing is
 * opened or read here, so a 3 GB video, a FIFO or a link loop costs nothing to list.
 */
public final class InputFiles {

    /**
     * A folder's entries, sorted: those named like a workbook (whatever they turn out to be: a folder or a broken
     * link named {@code .xlsx} is named by the reader that refuses it), and the others, which are not read.
     * Office's own lock files ({@code ~$…}), hidden files and the files Windows and macOS leave in folders are in
     * neither.
     */
    public record Listing(List<Path> workbooks, List<Path> others) {
    }

    private InputFiles() {
    }

    /** Whether a file is meant as a workbook, by its name: .xlsx (or .xlsm, or the .xls and .et that are refused). */
    public static boolean isWorkbookName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !ignored(p) && (n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls") || n.endsWith(".et"));
    }

    /** Lock files of Office and WPS, hidden files, and what Windows and macOS leave in any folder. */
    public static boolean ignored(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.startsWith("~$") || n.startsWith(".") || n.equals("thumbs.db") || n.equals("desktop.ini");
    }

    /** The entries of {@code dir} (not of its sub-folders), by name; see {@link Listing}. */
    public static Listing list(Path dir) throws IOException {
        List<Path> workbooks = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (isWorkbookName(p)) {
                    workbooks.add(p);
                } else if (!ignored(p)) {
                    others.add(p);
                }
            }
        }
        return new Listing(List.copyOf(workbooks), List.copyOf(others));
    }
}
