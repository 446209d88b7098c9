package bulletin.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A digest of everything a month's bulletin is made from, so that "same inputs" can be told. */
public final class InputDigest {

    private InputDigest() {
    }

    /**
     * The tables, the month's workbooks, the workspace's templates, the notes, {@code bulletin.yaml} and the
     * built-in resources named (the templates inside the jar); null where the digest cannot be made.
     */
    public static String of(Workspace ws, YearMonth month, List<String> builtInResources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : files(ws, month)) {
                if (Files.exists(p)) {
                    md.update(ws.show(p).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = Files.newInputStream(p)) {
                        md.update(in.readAllBytes());
                    }
                }
            }
            for (String r : builtInResources) {
                try (InputStream in = InputDigest.class.getResourceAsStream(r)) {
                    if (in != null) {
                        md.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static List<Path> files(Workspace ws, YearMonth month) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(ws.targetsDir(), ws.progressDir(month), ws.templatesDir())) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        files.add(ws.notesFile(month));
        files.add(ws.root().resolve(Workspace.CONFIG_FILE));
        return files;
    }
}
