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

    /** Made once and shared (it is immutable): a fresh mapper per call built the serializers again each time. */
    private static final ObjectWriter WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writer();

    public static String write(Snapshot s) {
        try {
            return WRITER.writeValueAsString(s) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
