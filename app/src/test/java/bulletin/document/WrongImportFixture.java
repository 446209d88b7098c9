package bulletin.document;

import bulletin.ingest.NotesReader;
import bulletin.model.Notes;
import java.nio.file.Path;

/** A deliberate violation of the layering (the document reading notes itself), for {@code ArchitectureTest}. */
public final class WrongImportFixture {

    private WrongImportFixture() {
    }

    static Notes read(Path file) {
        return NotesReader.read(file, file.toString(), new bulletin.diag.Problems());
    }
}
