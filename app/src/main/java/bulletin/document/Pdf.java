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

    /**
     * Converts {@code docx} into a PDF, made in a temporary folder and returned whole: the caller writes it, so
     * that a failed conversion leaves nothing behind.
     *
     * @throws IOException with a sentence for the user
     */
    public static byte[] convert(Path soffice, Path docx) throws IOException {
        Path tmp = Files.createTempDirectory("bulletin-pdf");
        Path profile = Files.createTempDirectory("bulletin-lo");
        try {
            ProcessBuilder pb = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir", tmp.toString(), docx.toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(tmp.resolve("soffice.log").toFile());
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("LibreOffice 三分钟内没有完成转换");
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
            deleteTree(tmp);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
