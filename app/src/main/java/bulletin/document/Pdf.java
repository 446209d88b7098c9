package bulletin.document;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A PDF copy of the .docx through LibreOffice, when it is installed. */
public final class Pdf {

    private Pdf() {
    }

    /**
     * LibreOffice's command on this machine, or empty. The environment variable {@code BULLETIN_SOFFICE} (or the
     * system property {@code bulletin.soffice}) names it explicitly.
     */
    public static Optional<Path> soffice() {
        String given = System.getProperty("bulletin.soffice", System.getenv("BULLETIN_SOFFICE"));
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(Path.of(dir, "soffice"));
                candidates.add(Path.of(dir, "libreoffice"));
                candidates.add(Path.of(dir, "soffice.exe"));
            }
        }
        candidates.add(Path.of("/usr/bin/soffice"));
        candidates.add(Path.of("/opt/libreoffice/program/soffice"));
        candidates.add(Path.of("/Applications/LibreOffice.app/Contents/MacOS/soffice"));
        candidates.add(Path.of("C:\\Program Files\\LibreOffice\\program\\soffice.exe"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** How long the converter may take, in seconds: {@code bulletin.pdfTimeout} (tests), else three minutes. */
    static long timeoutSeconds() {
        try {
            return Math.max(1, Long.parseLong(System.getProperty("bulletin.pdfTimeout", "180").trim()));
        } catch (NumberFormatException e) {
            return 180;
        }
    }

    /**
     * Converts {@code docx} into a PDF, made in {@code work} (an empty folder in the workspace's own temporary
     * folder, never the system's shared one, which the caller removes) and returned whole: the caller writes it, so
     * that a failed conversion leaves nothing behind. What the conversion made in {@code work} (the PDF,
     * LibreOffice's profile, log and temporary files) is removed however it ends; a converter that does not finish
     * in time is ended with every process it started (LibreOffice's launcher starts the real office as a child,
     * which would otherwise live on).
     *
     * @throws IOException with a sentence for the user
     */
    public static byte[] convert(Path soffice, Path docx, Path work) throws IOException {
        Process p = null;
        try {
            Path tmp = Files.createDirectory(work.resolve("out"));
            Path profile = Files.createDirectory(work.resolve("profile"));
            ProcessBuilder pb = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir", tmp.toString(), docx.toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(work.resolve("soffice.log").toFile());
            pb.environment().put("TMPDIR", work.toString()); // LibreOffice's own temporary files, in ours
            p = pb.start();
            long timeout = timeoutSeconds();
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                throw new IOException("LibreOffice " + (timeout % 60 == 0 ? timeout / 60 + " 分钟" : timeout + " 秒")
                        + "内没有完成转换，已结束它的进程");
            }
            String name = docx.getFileName().toString();
            Path made = tmp.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
            if (p.exitValue() != 0 || !Files.exists(made)) {
                throw new IOException("LibreOffice 转换失败（退出码 " + p.exitValue() + "）");
            }
            return Files.readAllBytes(made);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("转换被中断", e);
        } finally {
            if (p != null) {
                endTree(p.toHandle());
            }
            List<Path> made = List.of();
            try (var s = Files.list(work)) {
                made = s.toList();
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // the caller removes the folder
            }
            made.forEach(Pdf::deleteTree);
        }
    }

    /**
     * Ends a process and every process it started, children first seen before the parent is ended (a child whose
     * parent is gone is no longer its descendant), and waits a little for them to go.
     */
    static void endTree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(0, root);
        for (ProcessHandle h : all) {
            h.destroyForcibly();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the system ends it in its own time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes a folder and what it holds, never following a link. */
    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the caller, or the next run, removes it
                }
            });
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // the caller, or the next run, removes it
        }
    }
}
