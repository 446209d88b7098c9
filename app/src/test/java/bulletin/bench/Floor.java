package bulletin.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;

/** The floor: open an empty .docx with docx4j and save it, in a fresh JVM. */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.load(Path.of(args[0]).toFile());
        pkg.save(new ByteArrayOutputStream());
    }

    /** Writes the empty .docx the floor opens. */
    public static void makeEmpty(Path file) throws Exception {
        WordprocessingMLPackage.createPackage().save(file.toFile());
    }
}
