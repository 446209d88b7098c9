package bulletin.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On Windows (line separator CR LF) {@link SnapshotBytes} is still {@code SnapshotJson.write(s)} in UTF-8: Jackson's
 * pretty printer puts the system's separator between lines, but {@code write} ends the text with a bare LF. Run in
 * a JVM of its own started with {@code -Dline.separator=\r\n} (the property is read once, as the JVM starts).
 */
class SnapshotBytesWindowsLineTest {

    @Test
    void theBytesEqualJacksonsWhereLinesEndInCrLf() throws Exception {
        if (System.lineSeparator().equals("\r\n")) { // on Windows itself: here
            assertThat(compare()).isEqualTo("same 60");
            return;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Dline.separator=\r\n", "-cp", System.getProperty("java.class.path"),
                SnapshotBytesWindowsLineTest.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo("same 60");
    }

    /** In the JVM with CR LF lines: compares the two on hostile snapshots and says how many were the same. */
    public static void main(String[] args) {
        System.out.println(System.lineSeparator().equals("\r\n") ? compare() : "not CR LF");
    }

    private static String compare() {
        StringBuilder out = new StringBuilder();
        HostileSnapshots g = new HostileSnapshots(1251L, 300);
        int same = 0;
        for (int n = 0; n < 60; n++) {
            var s = g.snapshot();
            byte[] jackson = SnapshotJson.write(s).getBytes(StandardCharsets.UTF_8);
            byte[] ours = SnapshotJson.bytes(s);
            if (!Arrays.equals(ours, jackson)) {
                int at = Arrays.mismatch(ours, jackson);
                out.append("snapshot ").append(n).append(" differs at byte ").append(at).append(" of ")
                        .append(jackson.length).append(" (ours ").append(ours.length).append("): ours ends ")
                        .append(Arrays.toString(Arrays.copyOfRange(ours, Math.max(0, ours.length - 4), ours.length)))
                        .append(", Jackson's ends ").append(Arrays.toString(Arrays.copyOfRange(jackson,
                                Math.max(0, jackson.length - 4), jackson.length))).append('\n');
                break;
            }
            same++;
        }
        return out.append("same ").append(same).toString();
    }
}
