package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bulletin --version} names the build (version, git commit) and the Java; {@code completion} prints a script. */
class VersionTest {

    @Test
    void versionNamesTheBuildsVersionCommitAndTheJava() throws Exception {
        Run r = Cli.run("--version");
        assertThat(r.code()).as(r.toString()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("bulletin " + pomVersion());
        String head = gitHead();
        if (head != null) {
            assertThat(lines[1]).startsWith("git 提交：" + head);
        } else {
            assertThat(lines[1]).startsWith("git 提交：unknown");
        }
        assertThat(lines[2]).startsWith("Java：" + System.getProperty("java.version") + "（")
                .contains(System.getProperty("java.home"));
    }

    @Test
    void aBuildWithoutGitSaysUnknownAndOneWithoutTheBuildStepSaysDevelopment() {
        assertThat(VersionProvider.lines(new Properties(), "17.0.15", "Debian", "/jdk"))
                .containsExactly("bulletin 开发版", "git 提交：unknown（构建时没有 git 仓库）", "Java：17.0.15（Debian，/jdk）");
        Properties dirty = new Properties();
        dirty.setProperty("version", "0.9.0");
        dirty.setProperty("commit", "0123456789abcdef0123456789abcdef01234567");
        dirty.setProperty("dirty", "true");
        assertThat(VersionProvider.lines(dirty, "21", "Temurin", "C:\\Java"))
                .containsExactly("bulletin 0.9.0", "git 提交：0123456789abcdef0123456789abcdef01234567（构建时另有未提交的改动）",
                        "Java：21（Temurin，C:\\Java）");
    }

    @Test
    void completionPrintsABashScriptForEveryCommandAndOption() {
        Run r = Cli.run("completion");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_bulletin", "generate", "validate", "template", "inspect", "init",
                        "--require-all", "--skip-invalid", "--workspace");
    }

    /** The project's version as the pom gives it. */
    private static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>bulletin</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as("the project's version in pom.xml").isTrue();
        return m.group(1);
    }

    /** HEAD of the git repository this build ran in, or null outside one (a source zip) or without git. */
    private static String gitHead() throws InterruptedException {
        try {
            ProcessBuilder pb = new ProcessBuilder("git", "rev-parse", "--verify", "--quiet", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("GIT_CEILING_DIRECTORIES", Path.of("").toAbsolutePath().getParent().toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException noGit) {
            return null;
        }
    }
}
