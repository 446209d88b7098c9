package bulletin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code bulletin --version}: the version and git commit the build recorded in {@code bulletin/cli/build.properties}
 * (written by the build, see pom.xml), and the Java it runs on. A build that had no git says "unknown"; classes
 * compiled without the build's step (an IDE) say 开发版.
 */
final class VersionProvider implements IVersionProvider {

    static final String BUILD_PROPERTIES = "build.properties";

    @Override
    public String[] getVersion() {
        return lines(build(), System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.home"));
    }

    static String[] lines(Properties build, String javaVersion, String javaVendor, String javaHome) {
        String commit = build.getProperty("commit", "unknown");
        String commitLine = "unknown".equals(commit)
                ? "git 提交：unknown（构建时没有 git 仓库）"
                : "git 提交：" + commit + ("true".equals(build.getProperty("dirty")) ? "（构建时另有未提交的改动）" : "");
        return new String[] {
            "bulletin " + build.getProperty("version", "开发版"),
            commitLine,
            "Java：" + javaVersion + "（" + javaVendor + "，" + javaHome + "）"};
    }

    /** What the build recorded; empty when the classes were compiled without it. */
    static Properties build() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // unreadable: shown as unknown, as for a build without git
        }
        return p;
    }
}
