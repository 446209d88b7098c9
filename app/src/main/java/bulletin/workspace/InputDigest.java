package bulletin.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything a month's bulletin is made from, so that "same inputs" can be told: the workbooks of
 * {@code targets/} and of the month's folder (by name, as the readers take them: never a video or a document
 * that lies beside them), the workspace's templates, the notes and {@code bulletin.yaml}. Files are streamed
 * through the digest, never held whole; what is no regular file (a folder, a device, a FIFO, a broken link) is
 * never opened, and a file larger than any input can be (which its reader refuses unread) counts by its size and
 * time instead of its bytes.
 */
public final class InputDigest {

    /** Larger files are digested by size and time: no reader takes a file this large (a workbook's cap is 20 MB). */
    static final long MAX_READ = 64L * 1024 * 1024;

    private InputDigest() {
    }

    /**
     * The tables, the month's workbooks, the workspace's templates, the notes, the platform's counts,
     * {@code bulletin.yaml} and the built-in resources named (the templates inside the jar); null where the digest
     * cannot be made.
     */
    public static String of(Workspace ws, YearMonth month, List<String> builtInResources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024]; // one for all the files: a province's month has 160 of them
            for (Path p : files(ws, month)) {
                add(md, ws.show(p), p, buffer);
            }
            for (String r : builtInResources) {
                try (InputStream in = InputDigest.class.getResourceAsStream(r)) {
                    if (in != null) {
                        stream(md, in, buffer);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** One input: its name, then its bytes (streamed), or what stands for them where they are not read. */
    private static void add(MessageDigest md, String shown, Path p, byte[] buffer) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        md.update(shown.getBytes(StandardCharsets.UTF_8));
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class); // through a link, to what it names
        } catch (IOException broken) {
            md.update("\0unreadable".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!a.isRegularFile() || a.size() > MAX_READ) {
            md.update(("\0" + (a.isRegularFile() ? "large" : a.isDirectory() ? "folder" : "other") + "\0" + a.size()
                    + "\0" + a.lastModifiedTime().toMillis()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = Files.newInputStream(p)) {
            stream(md, in, buffer);
        }
    }

    private static void stream(MessageDigest md, InputStream in, byte[] buffer) throws IOException {
        for (int n; (n = in.read(buffer)) > 0; ) {
            md.update(buffer, 0, n);
        }
    }

    /**
     * The inputs, in a fixed order: the workbooks of {@code targets/} and of the month (by name, as the readers
     * list them), every file under {@code templates/} (a template may include any of them), the notes, the
     * month's platform counts and {@code bulletin.yaml}.
     */
    private static List<Path> files(Workspace ws, YearMonth month) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(ws.targetsDir(), ws.progressDir(month))) {
            if (Files.isDirectory(dir)) {
                files.addAll(InputFiles.list(dir).workbooks());
            }
        }
        if (Files.isDirectory(ws.templatesDir())) {
            try (Stream<Path> s = Files.walk(ws.templatesDir())) {
                s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(files::add);
            }
        }
        files.add(ws.notesFile(month));
        files.add(ws.platformFile(month));
        files.add(ws.root().resolve(Workspace.CONFIG_FILE));
        return files;
    }
}
