package bulletin.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No method of the shipped code is longer than a reader can hold in view: at most {@value #LIMIT} lines from its
 * signature to its closing brace. The source is read as text with a brace counter that knows strings, comments and
 * type bodies, which is enough for this code base's formatting.
 */
class MethodLengthTest {

    static final int LIMIT = 80;
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'");
    private static final Pattern TYPE = Pattern.compile("\\b(class|record|enum|interface)\\b");

    /** A method's place and length. */
    record Method(String where, int lines) {
    }

    @Test
    void noMethodInMainIsLongerThanTheLimit() throws IOException {
        List<Method> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("app/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                all.addAll(methods(f.toString(), Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(all).as("methods found").hasSizeGreaterThan(300);
        assertThat(all).filteredOn(m -> m.lines() > LIMIT).isEmpty();
    }

    @Test
    void theCounterSeesALongMethodAndNotANestedType() {
        List<String> src = new ArrayList<>(List.of("class A {", "    record R(int x) {", "        int y() {",
                "            return \"}\".length();", "        }", "    }", "    void m(", "            int a) {"));
        for (int i = 0; i < 90; i++) {
            src.add("        if (a > " + i + ") { a--; } // {");
        }
        src.add("    }");
        src.add("}");
        List<Method> found = methods("A.java", src);
        assertThat(found).extracting(Method::lines).containsExactlyInAnyOrder(3, 93);
    }

    @Test
    void aTopLevelRecordWhoseHeaderTakesSeveralLinesIsATypeNotAMethod() {
        List<String> src = new ArrayList<>(List.of("public record C(", "        int a,", "        int b) {"));
        for (int i = 0; i < 90; i++) {
            src.add("    static final int K" + i + " = " + i + ";");
        }
        src.addAll(List.of("    int sum() {", "        return a + b;", "    }", "}"));
        assertThat(methods("C.java", src)).extracting(Method::lines).containsExactly(3);
    }

    static List<Method> methods(String file, List<String> lines) {
        List<Method> out = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>(); // {kind, startLine, depth}; kind 0 type, 1 method, 2 other
        Set<Integer> typeBodies = new HashSet<>();
        int depth = 0;
        boolean comment = false;
        Integer start = null;
        for (int i = 0; i < lines.size(); i++) {
            String s = STRING.matcher(lines.get(i)).replaceAll("\"\"");
            if (comment) {
                int end = s.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                comment = false;
                s = s.substring(end + 2);
            }
            s = s.replaceAll("/\\*.*?\\*/", "");
            if (s.contains("/*")) {
                comment = true;
                s = s.substring(0, s.indexOf("/*"));
            }
            s = s.replaceAll("//.*", "").strip();
            if (s.isEmpty()) {
                continue;
            }
            if (typeBodies.contains(depth) && start == null && !s.startsWith("@") && !s.startsWith("}")) {
                start = i;
            }
            for (char ch : s.toCharArray()) {
                if (ch == '{') {
                    int kind = 2;
                    if (depth == 0) {
                        kind = 0; // a top-level brace opens a type, however many lines its header (a record's) takes
                    } else if (typeBodies.contains(depth) && start != null) {
                        String head = String.join(" ", lines.subList(start, i + 1));
                        String beforeParen = head.split("\\(")[0];
                        kind = TYPE.matcher(beforeParen).find() ? 0
                                : head.contains("(") && !beforeParen.contains("=") ? 1 : 2;
                    }
                    open.push(new int[] {kind, start == null ? i : start, depth});
                    if (kind == 0) {
                        typeBodies.add(depth + 1);
                    }
                    start = null;
                    depth++;
                } else if (ch == '}') {
                    depth--;
                    int[] o = open.pop();
                    if (o[0] == 1) {
                        out.add(new Method(file + ":" + (o[1] + 1), i - o[1] + 1));
                    } else if (o[0] == 0) {
                        typeBodies.remove(o[2] + 1);
                    }
                }
            }
            if (typeBodies.contains(depth) && (s.endsWith(";") || s.endsWith("}"))) {
                start = null;
            }
        }
        return out;
    }
}
