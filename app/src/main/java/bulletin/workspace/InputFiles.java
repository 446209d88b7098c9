package bulletin.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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

    /** The cap on a text input (notes, bulletin.yaml, a template): real ones are a few KiB. */
    public static final long TEXT_CAP = 8L * 1024 * 1024;

    /** The cap on the reference .docx: the built-in one is a few dozen KiB, one with pictures a few MB. */
    public static final long DOCX_CAP = 64L * 1024 * 1024;

    /** The cap on an earlier month's {@code bulletin.json}: a province's (150 units × 60 indicators) is about 4 MB. */
    public static final long SNAPSHOT_CAP = 32L * 1024 * 1024;

    /**
     * Why an input file is not read, as one Chinese sentence without the file's name (the caller names it): it
     * is no regular file, or larger than its cap.
     */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private InputFiles() {
    }

    /** Whether anything is there by this name, a broken link included (which is then named, not taken as absent). */
    public static boolean present(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Checks, without opening it, that {@code file} names (through links) a regular file of at most {@code cap}
     * bytes: a folder, a device ({@code /dev/zero}), a FIFO (which would block for ever), a link to nothing, a loop
     * of links and an oversized file are each refused with what they are.
     */
    public static void regularFile(Path file, long cap) throws Refused {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Refused(Files.isSymbolicLink(file) ? "这是一个链接（快捷方式），但它指向的文件不存在，未读取"
                    : "文件不存在");
        } catch (IOException e) {
            throw new Refused(Files.isSymbolicLink(file) ? "这是一个链接（快捷方式），但无法打开它指向的文件"
                    + "（可能是一圈互相指向的链接），未读取" : "无法读取文件（" + e.getMessage() + "）");
        }
        if (a.isDirectory()) {
            throw new Refused("这是一个文件夹，不是文件，未读取");
        }
        if (!a.isRegularFile()) {
            throw new Refused("不是普通文件（是设备、管道或其他特殊文件），未读取");
        }
        if (a.size() > cap) {
            throw new Refused("文件过大（" + megabytes(a.size()) + " MB），超过上限 " + megabytes(cap) + " MB，未读取");
        }
        outsideTheWorkspace(file);
    }

    /**
     * A text input, after {@link #regularFile}: its bytes read up to the cap (a file that grows meanwhile is still
     * refused) and decoded as UTF-8, strictly: a file in another encoding is a
     * {@link java.nio.charset.CharacterCodingException}.
     */
    public static String readText(Path file, long cap) throws IOException {
        regularFile(file, cap);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        }
        if (bytes.length > cap) {
            throw new Refused("文件过大，超过上限 " + megabytes(cap) + " MB，未读取");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8(encodingOf(bytes));
        }
    }

    /**
     * A text file that is not UTF-8, with the encoding it looks like where that can be told: "GBK" (what Notepad
     * and WPS save as "ANSI" on a Chinese Windows), "UTF-16", or null.
     */
    public static final class NotUtf8 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final String encoding;

        NotUtf8(String encoding) {
            this.encoding = encoding;
        }

        public String encoding() {
            return encoding;
        }

        /** What the user should do, as one Chinese sentence: "文件是 GBK 编码，请另存为 UTF-8（…）". */
        @Override
        public String getMessage() {
            return (encoding == null ? "不是 UTF-8 编码的文本" : "文件是 " + encoding + " 编码，请另存为 UTF-8")
                    + "（用记事本打开，“另存为”时编码选 UTF-8）";
        }
    }

    /** The encoding {@code bytes} decode in without a fault, of those a clerk's PC saves in; null where none. */
    static String encodingOf(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return "UTF-16";
        }
        try {
            java.nio.charset.Charset.forName("GBK").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return "GBK";
        } catch (CharacterCodingException | java.nio.charset.UnsupportedCharsetException e) {
            return null;
        }
    }

    /**
     * A link from inside a workspace (the folder above that holds {@code targets/}) to a file outside it is refused:
     * the workspace's inputs are the workspace's files.
     */
    private static void outsideTheWorkspace(Path file) throws Refused {
        if (!Files.isSymbolicLink(file)) {
            return;
        }
        Path root = file.toAbsolutePath().getParent();
        while (root != null && !Files.isDirectory(root.resolve("targets"))) {
            root = root.getParent();
        }
        if (root == null) {
            return;
        }
        Path real;
        Path inside;
        try {
            real = file.toRealPath();
            inside = root.toRealPath();
        } catch (IOException e) {
            throw new Refused("这是一个链接，无法确定它指向的文件（" + e.getMessage() + "），未读取");
        }
        if (!real.startsWith(inside)) {
            throw new Refused("这是一个指向工作目录之外（" + real + "）的链接，未读取；请把文件本身放进工作目录");
        }
    }

    private static long megabytes(long bytes) {
        return Math.max(1, (bytes + 1024 * 1024 - 1) / (1024 * 1024));
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
