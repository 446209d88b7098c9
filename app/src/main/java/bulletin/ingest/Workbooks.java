package bulletin.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * The one way into a workbook: checks of its size and kind before any parsing, then the light reader
 * ({@link XlsxReader}), which limits every part's size and compression ratio. Every way a file can be unreadable
 * comes out as an {@link Unreadable} with one Chinese sentence. Only .xlsx is read: a legacy .xls is refused
 * with a request to save it again as .xlsx (one format to validate, lock and protect).
 */
public final class Workbooks {

    /** Larger workbooks are refused before parsing: a monthly form is a few dozen KiB. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private Workbooks() {
    }

    /** Why a file cannot be read as a workbook, as a sentence for the user. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether a file in an input folder is meant as a workbook (by its name), skipping Office lock files. */
    public static boolean looksLikeWorkbook(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith("~$") || n.startsWith(".")) {
            return false;
        }
        return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls") || n.endsWith(".et");
    }

    /**
     * Reads every sheet of a workbook, after {@link #check}, with the light reader ({@link XlsxReader}): every
     * command reads workbooks this way, without starting POI's object model.
     */
    static List<XlsxReader.SheetData> sheets(Path file, String shown) throws Unreadable {
        check(file);
        return XlsxReader.read(file, shown);
    }

    /**
     * The checks before any parsing: size, kind of file (by its first bytes: a zip package, an OLE2 file that is
     * a legacy .xls or an encrypted workbook, HTML, anything else such as CSV), duplicate zip entries.
     */
    static void check(Path file) throws Unreadable {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new Unreadable("无法读取文件（" + e.getMessage() + "）", e);
        }
        if (size == 0) {
            throw new Unreadable("文件是空的（0 字节）", null);
        }
        if (size > MAX_BYTES) {
            throw new Unreadable("文件过大（" + (size / 1024 / 1024) + " MB），超过上限 " + (MAX_BYTES / 1024 / 1024)
                    + " MB，不像是一份进度表", null);
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new Unreadable("无法读取文件（" + e.getMessage() + "）", e);
        }
        switch (magic) {
            case OOXML:
                break;
            case OLE2:
                if (encrypted(file)) {
                    throw new Unreadable("文件设置了打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存为 .xlsx",
                            null);
                }
                throw new Unreadable("这是旧版 Excel（.xls）文件，本工具只读取 .xlsx：请在 Excel 或 WPS 中"
                        + "“另存为” Excel 工作簿（*.xlsx）后再放入", null);
            case HTML:
                throw new Unreadable("这是网页（HTML）文件改了扩展名，不是 Excel 工作簿：请在 Excel 或 WPS 中打开后"
                        + "另存为 .xlsx", null);
            default:
                throw new Unreadable("不是 Excel 工作簿（.xlsx）：文件内容无法识别，可能是改了扩展名的其他文件"
                        + "或文件已损坏", null);
        }
        String duplicate = duplicateEntry(file);
        if (duplicate != null) {
            throw new Unreadable("文件内有两个同名的部件（" + duplicate + "），可能被篡改或损坏，拒绝读取", null);
        }
    }

    /** An OLE2 file holding an encrypted OOXML package (a workbook saved with an open password). */
    private static boolean encrypted(Path file) {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
                     new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptedPackage") || fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The first entry name that occurs twice in the zip, or null. Read from the local headers, in order. */
    private static String duplicateEntry(Path file) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!seen.add(e.getName())) {
                    return e.getName();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // the light reader will say what is wrong with it
        }
        return null;
    }
}
