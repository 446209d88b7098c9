package bulletin.report;

import bulletin.model.Snapshot;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes {@code bulletin.json}: every computed figure of the month, stable and diffable. */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    /**
     * Made once and shared (it is immutable): a fresh mapper per call built the serializers again each time. Not
     * a static initialiser: a failure (out of memory) is not kept, the next use tries again.
     */
    private static ObjectWriter writer;

    private static synchronized ObjectWriter writer() {
        if (writer == null) {
            writer = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writerFor(Snapshot.class);
        }
        return writer;
    }

    /**
     * {@code bulletin.json} as UTF-8: the bytes of {@link #write} encoded, written without Jackson
     * ({@link SnapshotBytes}).
     */
    public static byte[] bytes(Snapshot s) {
        return SnapshotBytes.of(s);
    }

    public static String write(Snapshot s) {
        try {
            return writer().writeValueAsString(s) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
