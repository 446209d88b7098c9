package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: a JVM that cannot start with BULLETIN_JAVA_OPTS is exit 2 (a usage error) from the development
 * launcher, never 1, the code for wrong workbooks; the options are tried before anything is built.
 */
class LauncherOptionsTest {

    @Test
    void badJavaOptionsAreExitTwoWithWhatJavaSaid() throws Exception {
        Path launcher = Path.of("bulletin").toAbsolutePath();
        assumeTrue(Files.isExecutable(launcher) && Files.isExecutable(Path.of("/bin/bash")), "bash and ./bulletin");
        for (String bad : new String[] {"-Xmxnot-a-size", "-XX:+NoSuchOptionAtAll"}) {
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", launcher.toString(), "--version").redirectErrorStream(
                    true);
            pb.environment().put("BULLETIN_JAVA_OPTS", bad);
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(said).isEqualTo(2);
            assertThat(said).contains("BULLETIN_JAVA_OPTS=" + bad, "无法以环境变量 BULLETIN_JAVA_OPTS 中的选项启动")
                    .doesNotContain("正在构建");
        }
    }

    /**
     * Where the options themselves choose two collectors, what Java said is shown (it was an empty line: Java says
     * it on the standard output, which the check threw away). A collector of the user's own alone replaces the
     * launcher's: ArchiveIT runs it (here the launcher would build the jar first).
     */
    @Test
    void twoCollectorsAreExitTwoWithJavasReason() throws Exception {
        Path launcher = Path.of("bulletin").toAbsolutePath();
        assumeTrue(Files.isExecutable(launcher) && Files.isExecutable(Path.of("/bin/bash")), "bash and ./bulletin");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", launcher.toString(), "--version").redirectErrorStream(true);
        pb.environment().put("BULLETIN_JAVA_OPTS", "-XX:+UseSerialGC -XX:+UseG1GC");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(said).isEqualTo(2);
        assertThat(said).startsWith("Error occurred during initialization of VM\nMultiple garbage collectors selected\n")
                .contains("无法以环境变量 BULLETIN_JAVA_OPTS 中的选项启动").doesNotContain("正在构建");
    }
}
