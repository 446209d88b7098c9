package bulletin.ingest;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.model.Snapshot;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a month's {@code bulletin.json}, as the next month does for cards, gains and the issue number. */
public final class SnapshotReader {

    private SnapshotReader() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static Snapshot read(Path file, String shown) {
        try {
            return mapper().readValue(file.toFile(), Snapshot.class);
        } catch (IOException e) {
            throw new BulletinException(ExitCode.INVALID_INPUT, shown + ": 错误: 上月的快照文件无法读取（"
                    + e.getClass().getSimpleName() + "）；可删除它，程序会根据上月的报表重新计算", e);
        }
    }

    public static Snapshot parse(String json) {
        try {
            return mapper().readValue(json, Snapshot.class);
        } catch (IOException e) {
            throw new IllegalStateException("snapshot does not read back", e);
        }
    }
}
