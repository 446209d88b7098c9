package bulletin.ingest;

import bulletin.diag.Place;
import bulletin.diag.Problems;
import bulletin.workspace.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
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

    /** How many times each workbook was opened in this process: each should be once per run (see OneReaderTest). */
    private static final java.util.Map<Path, Integer> OPENED = new java.util.concurrent.ConcurrentHashMap<>();

    private Workbooks() {
    }

    /** How many times {@code file} was opened as a workbook in this process. */
    public static int opened(Path file) {
        return OPENED.getOrDefault(file.toAbsolutePath().normalize(), 0);
    }

    /** How many workbooks were opened in this process, counting each opening. */
    public static int openings() {
        return OPENED.values().stream().mapToInt(Integer::intValue).sum();
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
        return InputFiles.isWorkbookName(p);
    }

    /**
     * The entries of a month's folder: the workbooks to read, and a warning ({@code not-a-workbook}) for each other
     * file or folder there, which is named and never opened (a meeting's video, a .docx, a .pdf).
     */
    public static List<Path> list(Path dir, Function<Path, String> show, Problems problems) throws IOException {
        InputFiles.Listing l = InputFiles.list(dir);
        for (Path other : l.others()) {
            boolean folder = Files.isDirectory(other, LinkOption.NOFOLLOW_LINKS);
            problems.warning("not-a-workbook", Place.file(show.apply(other)), folder
                    ? "这是一个文件夹，其中的文件不读取：各单位的报表（.xlsx）请直接放在 " + show.apply(dir) + "/ 中"
                    : "不是 Excel 工作簿（.xlsx），未读取：" + show.apply(dir) + "/ 中只放各单位的报表，其他文件请移到别处");
        }
        return l.workbooks();
    }

    /**
     * Reads every sheet of a workbook, after {@link #check}, with the light reader ({@link XlsxReader}): every
     * command reads workbooks this way, without starting POI's object model.
     */
    static List<XlsxReader.SheetData> sheets(Path file, String shown) throws Unreadable {
        OPENED.merge(file.toAbsolutePath().normalize(), 1, Integer::sum);
        check(file);
        return XlsxReader.read(file, shown);
    }

    /**
     * The checks before any parsing: size, kind of file (by its first bytes: a zip package, an OLE2 file that is
     * a legacy .xls or an encrypted workbook, HTML, anything else such as CSV). What is no regular file is
     * refused first, unopened. (Duplicate zip entries are the light reader's to find, from the zip's directory:
     * a pass over the local headers would unpack every part, a zip bomb's gigabytes included.)
     */
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};

    static void check(Path file) throws Unreadable {
        long size = regularFile(file).size();
        if (size == 0) {
            throw new Unreadable("文件是空的（0 字节）", null);
        }
        if (size > MAX_BYTES) {
            throw new Unreadable("文件过大（" + (size / 1024 / 1024) + " MB），超过上限 " + (MAX_BYTES / 1024 / 1024)
                    + " MB，不像是一份进度表", null);
        }
        FileMagic magic;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            // A zip package (PK\3\4), as every workbook is, without POI's buffered look at the first bytes.
            magic = Arrays.equals(head, ZIP) ? FileMagic.OOXML
                    : FileMagic.valueOf(FileMagic.prepareToCheckMagic(new java.io.SequenceInputStream(
                            new java.io.ByteArrayInputStream(head), in)));
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
    }

    /**
     * The attributes of what {@code file} names (through a link): only a regular file is read. A folder, a device
     * or a FIFO named like a workbook (which would block or never end), a link to nothing and a loop of links are
     * each refused by name.
     */
    private static BasicFileAttributes regularFile(Path file) throws Unreadable {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Unreadable(Files.isSymbolicLink(file) ? "这是一个链接（快捷方式），但它指向的文件不存在：请把报表文件本身放在这里"
                    : "文件不存在", e);
        } catch (IOException e) {
            if (loops(file)) {
                throw new Unreadable("这是一个链接（快捷方式），但它指向的是一圈互相指向的链接，无法打开：请把报表文件本身放在这里", e);
            }
            throw new Unreadable("无法读取文件（" + e.getMessage() + "）", e);
        }
        if (a.isDirectory()) {
            throw new Unreadable("这是一个文件夹（名字像 Excel 文件），不是工作簿：请把报表文件本身放在这里", null);
        }
        if (!a.isRegularFile()) {
            throw new Unreadable("不是普通文件（是设备、管道或其他特殊文件），不读取：请把报表文件本身放在这里", null);
        }
        return a;
    }

    /** Whether following {@code file}'s links never ends at something that is not a link. */
    private static boolean loops(Path file) {
        Path p = file;
        try {
            for (int hops = 0; hops < 64; hops++) {
                if (!Files.isSymbolicLink(p)) {
                    return false;
                }
                Path parent = p.toAbsolutePath().getParent();
                p = parent.resolve(Files.readSymbolicLink(p));
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return true;
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
}
