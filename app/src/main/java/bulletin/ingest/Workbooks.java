package bulletin.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens workbooks for reading, with POI's zip-bomb protections on and a size cap before parsing, and
 * turns every way a file can be unreadable into one Chinese sentence. Only .xlsx is read: a legacy .xls
 * must be saved again as .xlsx (one format to validate, lock and protect).
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
     * Reads every sheet of a workbook with the light reader ({@link XlsxReader}): what every command that only
     * reads needs, without starting POI's object model.
     */
    static List<XlsxReader.SheetData> sheets(Path file, String shown) throws Unreadable {
        check(file);
        return XlsxReader.read(file, shown);
    }

    /** Opens {@code file} read-only with POI. The caller closes the workbook. */
    public static XSSFWorkbook open(Path file) throws Unreadable {
        ZipSecureFile.setMinInflateRatio(0.01);
        check(file);
        return openChecked(file);
    }

    /** The checks before any parsing: size, kind of file (HTML, CSV, legacy or encrypted OLE2), duplicate entries. */
    static void check(Path file) throws Unreadable {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
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

    private static XSSFWorkbook openChecked(Path file) throws Unreadable {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XSSFWorkbook(pkg);
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            closeQuietly(pkg);
            throw new Unreadable("文件已损坏或不完整，无法作为 .xlsx 打开", e);
        } catch (EncryptedDocumentException e) {
            closeQuietly(pkg);
            throw new Unreadable("文件已加密，请取消密码后另存", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(pkg);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (why.contains("Zip bomb") || why.contains("zip bomb")) {
                throw new Unreadable("文件的压缩比异常（疑似“压缩炸弹”），拒绝读取", e);
            }
            if (causeMentions(e, "doctype")) {
                throw new Unreadable("文件中的 XML 含有 DOCTYPE 声明（正常的 Excel 文件不会有，可能是恶意构造的），拒绝读取", e);
            }
            if (why.toLowerCase(Locale.ROOT).contains("strict")) {
                throw new Unreadable("这是“严格 Open XML”格式的工作簿，请另存为普通的 Excel 工作簿（*.xlsx）", e);
            }
            throw new Unreadable("文件已损坏或不完整，无法作为 .xlsx 打开", e);
        }
    }

    private static boolean causeMentions(Throwable e, String word) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
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
            return null; // POI will say what is wrong with it
        }
        return null;
    }

    private static void closeQuietly(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }
}
