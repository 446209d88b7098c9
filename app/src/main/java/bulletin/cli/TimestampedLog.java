package bulletin.cli;

import bulletin.diag.BulletinException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A log file for a scheduled run ({@code generate --log FILE}): every line the command writes, to standard output
 * or standard error, is appended to the file with the date and time in front ({@code 2026-06-28 18:00:03 …}), so
 * that a month of daily runs can be read back. Each line is appended and the file closed again at once: a run
 * killed half way leaves every line it wrote, and nothing holds the file between lines.
 */
final class TimestampedLog extends Writer {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss ");

    private final Path file;
    private final StringBuilder line = new StringBuilder();

    private TimestampedLog(Path file) {
        this.file = file;
    }

    /**
     * A writer appending to {@code file}, after checking that it can be written (exit 3 naming it otherwise), with
     * a first line naming the run.
     */
    static PrintWriter open(Path file, String run) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            throw BulletinException.output("无法写入日志文件 " + file + "（" + e.getMessage() + "）", e);
        }
        PrintWriter w = new PrintWriter(new TimestampedLog(file), true);
        w.println("—— " + run);
        return w;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n') {
                append();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void append() throws IOException {
        String text = STAMP.format(LocalDateTime.now()) + line + System.lineSeparator();
        line.setLength(0);
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void flush() {
        // Lines are written as they end; a line is never split by a flush.
    }

    @Override
    public void close() throws IOException {
        if (!line.isEmpty()) {
            append();
        }
    }
}
