package bulletin.workspace;

import bulletin.diag.BulletinException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of {@code bulletin.yaml} stands, by its path ({@code indicators / 03-01 / target}), read from the
 * YAML's own tokens: a value out of range is named with its line. A key given twice in one mapping (which a YAML
 * reader would take silently, the last one winning) is refused here with both lines.
 */
final class ConfigLines {

    static final ConfigLines NONE = new ConfigLines(Map.of());

    private static final String SEP = "\u0000";

    private final Map<String, Integer> lines;

    private ConfigLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** The lines of {@code text}'s keys; a text the YAML reader cannot take gives what was read before the fault. */
    static ConfigLines of(String text) {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    continue;
                }
                String path = path(p.getParsingContext());
                int line = p.currentTokenLocation().getLineNr();
                Integer before = out.putIfAbsent(path, line);
                if (before != null) {
                    throw BulletinException.usage(Workspace.CONFIG_FILE + ":" + line + ": 错误: 设置项“"
                            + path.replace(SEP, ".") + "”写了两次（第 " + before + " 行和第 " + line
                            + " 行），不知以哪个为准：请删去其中一个");
                }
            }
        } catch (IOException e) {
            // the settings' reader names the fault with its line
        }
        return new ConfigLines(Map.copyOf(out));
    }

    private static String path(JsonStreamContext c) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext x = c; x != null && !x.inRoot(); x = x.getParent()) {
            parts.addFirst(x.inObject() ? String.valueOf(x.getCurrentName()) : String.valueOf(x.getCurrentIndex()));
        }
        return String.join(SEP, parts);
    }

    /** {@code bulletin.yaml:LINE} for the deepest of the keys whose line is known, else {@code bulletin.yaml}. */
    String place(String... keys) {
        for (int n = keys.length; n > 0; n--) {
            Integer line = lines.get(String.join(SEP, java.util.Arrays.copyOf(keys, n)));
            if (line != null) {
                return Workspace.CONFIG_FILE + ":" + line;
            }
        }
        return Workspace.CONFIG_FILE;
    }
}
