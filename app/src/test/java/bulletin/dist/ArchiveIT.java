package bulletin.dist;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.TreeCopy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a clerk gets it ({@code mvn verify}, after {@code package} made it): unpacked into a
 * folder whose path has a space and Chinese characters, run through its own launcher with no Maven on the PATH
 * and no source tree around, on a copy of the samples it ships. Each test has its own cache folder (where the
 * launcher keeps the class-data archive), so none depends on another's runs.
 */
class ArchiveIT {

    static final Path ARCHIVE = Path.of(System.getProperty("bulletin.archive", "target/bulletin.zip"));
    static final String VERSION = System.getProperty("bulletin.version", "?");
    static final Set<String> MAVEN = Set.of("mvn", "mvnDebug", "mvnyjp", "mvnw");

    @TempDir
    static Path tmp;

    /** The unpacked install folder, {@code …/安装 测试/bulletin-<version>}. */
    static Path home;
    /** A folder of links to every program on the PATH but Maven's, and one without java either. */
    static Path noMaven;
    static Path noJava;

    @BeforeAll
    static void unpack() throws IOException {
        assertThat(ARCHIVE).as("made by mvn package").isRegularFile();
        unzip(ARCHIVE, tmp.resolve("安装 测试"));
        home = tmp.resolve("安装 测试/bulletin-" + VERSION);
        assertThat(home).isDirectory();
        noMaven = linkPrograms(tmp.resolve("path"), MAVEN);
        Set<String> mavenAndJava = new java.util.HashSet<>(MAVEN);
        mavenAndJava.add("java");
        noJava = linkPrograms(tmp.resolve("path-without-java"), mavenAndJava);
    }

    @Test
    void theArchiveHoldsLaunchersLibrariesTheirLicencesTemplatesAndTheSamples() throws IOException {
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/bulletin")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        byte[] cmd = Files.readAllBytes(home.resolve("bin/bulletin.cmd"));
        String cmdText = new String(cmd, StandardCharsets.UTF_8);
        assertThat(cmdText.replace("\r\n", "")).as("CRLF line endings only").doesNotContain("\n", "\r");
        assertThat(cmd[0]).as("no byte-order mark").isEqualTo((byte) '@');
        assertThat(cmdText).contains("chcp 65001", "-Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8", "JAVA_HOME",
                "%%~$PATH:j", "LSS 17", "-jar \"%BULLETIN_JAR%\" %*", "需要 Java 17");
        String beforeChcp = cmdText.substring(0, cmdText.indexOf("chcp 65001"));
        assertThat(beforeChcp.chars().allMatch(c -> c < 128)).as("ASCII before the code page is UTF-8").isTrue();
        assertThat(home.resolve("README.txt")).content(StandardCharsets.UTF_8).contains("Java 17", "generate --month 5",
                "bulletin.cmd");
        assertThat(home.resolve("lib/bulletin.jar")).isRegularFile();
        assertThat(home.resolve("templates/bulletin.ftl")).isRegularFile();
        assertThat(home.resolve("templates/reference.docx")).isRegularFile();
        assertThat(home.resolve("samples/miluo-2026/bulletin.yaml")).isRegularFile();
        assertThat(home.resolve("samples/miluo-2026/progress/2026-05")).isDirectory();
        assertThat(home.resolve("samples/miluo-2026/out")).doesNotExist();
        assertThat(home.resolve("samples/miluo-2026/forms")).doesNotExist();

        // Every library shipped is in the licence list with its licence, and nothing else is there.
        List<String> notices = Files.readAllLines(home.resolve("lib/THIRD-PARTY.txt"), StandardCharsets.UTF_8);
        List<String> jars;
        try (Stream<Path> s = Files.list(home.resolve("lib"))) {
            jars = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar") && !n.equals("bulletin.jar"))
                    .sorted().toList();
        }
        assertThat(jars).hasSizeGreaterThan(20);
        Pattern name = Pattern.compile("(.+)-(\\d[^-]*)\\.jar");
        for (String jar : jars) {
            Matcher m = name.matcher(jar);
            assertThat(m.matches()).as(jar).isTrue();
            int at = indexOf(notices, m.group(1), m.group(2));
            assertThat(at).as(jar + " in lib/THIRD-PARTY.txt").isNotNegative();
            assertThat(notices.get(at + 1).trim()).as(jar + "'s licence").startsWith("License: ").contains("http");
        }
        assertThat(notices.stream().filter(l -> l.trim().startsWith("- "))).hasSize(jars.size());
    }

    @Test
    void generateRunsOnACopyOfTheSamplesWithoutMavenAndTheSecondStartUsesTheClassDataArchive() throws IOException {
        assertThat(run(noMaven, Map.of(), "sh", "-c", "command -v mvn").code()).as("mvn is off the PATH").isNotZero();
        assertThat(run(noMaven, Map.of(), "sh", "-c", "command -v java").code()).as("java is on it").isZero();
        Path cache = Files.createDirectories(tmp.resolve("cache-generate"));
        Path ws = tmp.resolve("工作区 5月");
        TreeCopy.copy(home.resolve("samples/miluo-2026"), ws);

        Result version = launch(noMaven, cache, "--version");
        assertThat(version.code()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("bulletin " + VERSION + "\n").contains("git 提交：", "Java：17");
        assertThat(version.err()).as("the archive is made once, and says so").contains("正在为快速启动做准备")
                .doesNotContain("失败", "warning");
        Path jsa;
        try (Stream<Path> s = Files.walk(cache)) {
            jsa = s.filter(p -> p.getFileName().toString().equals("bulletin.jsa")).findFirst().orElse(null);
        }
        assertThat(jsa).as("the class-data archive in the user's cache").isNotNull();
        assertThat(jsa.resolveSibling("warmup.log")).isRegularFile();

        Result generate = launch(noMaven, cache, "-w", ws.toString(), "generate", "--month", "5", "--date", "2026-05-31");
        assertThat(generate.code()).as(generate.toString()).isZero();
        assertThat(generate.err()).as("no new training, no JVM warning").doesNotContain("快速启动", "warning", "Exception");
        assertThat(ws.resolve("out/2026-05/工作专报（第3期）.docx")).isRegularFile().isNotEmptyFile();
        assertThat(ws.resolve("out/2026-05/bulletin.json")).isRegularFile();
        assertThat(home.resolve("samples/miluo-2026/out")).as("the shipped samples are left alone").doesNotExist();
    }

    /**
     * On a machine of 2 GiB (Java's MaxRAM stands for it) the samples run: with its collector's generations fixed at
     * their starting sizes (0.8% of the memory) the launcher collected until 内存不足 there. A collector of the
     * user's own replaces the launcher's (Java refuses two: it was exit 2), and where the options choose two, Java's
     * reason is shown.
     */
    @Test
    void aSmallMachineRunsTheSamplesAndTheUsersCollectorIsTaken() throws IOException {
        Path ws = tmp.resolve("small-machine");
        TreeCopy.copy(home.resolve("samples/miluo-2026"), ws);
        Result small = launch(noMaven, null, Map.of("BULLETIN_JAVA_OPTS", "-XX:MaxRAM=2g"), "-w", ws.toString(),
                "generate", "--month", "5", "--date", "2026-05-31");
        assertThat(small.code()).as(small.toString()).isZero();
        assertThat(small.err()).doesNotContain("内存不足");
        assertThat(ws.resolve("out/2026-05/工作专报（第3期）.docx")).isRegularFile().isNotEmptyFile();

        Result serial = launch(noMaven, null, Map.of("BULLETIN_JAVA_OPTS", "-XX:+UseSerialGC"), "--version");
        assertThat(serial.code()).as(serial.toString()).isZero();
        assertThat(serial.out()).startsWith("bulletin " + VERSION);
        Result two = launch(noMaven, null, Map.of("BULLETIN_JAVA_OPTS", "-XX:+UseSerialGC -XX:+UseG1GC"), "--version");
        assertThat(two.code()).as(two.toString()).isEqualTo(2);
        assertThat(two.err()).contains("Multiple garbage collectors selected", "无法以环境变量 BULLETIN_JAVA_OPTS");
    }

    @Test
    void theArchiveShipsTheDocsAndHelpNamesOnlyFilesItHolds() throws IOException {
        for (String doc : List.of("docs/clerk.md", "docs/reference.md", "docs/rules.md", "docs/snapshot.md",
                "docs/performance.md", "docs/bulletin.schema.json", "docs/inspect.schema.json",
                "docs/images/page-1.png", "docs/images/progress.png", "docs/images/appendix.png", "LICENSE")) {
            assertThat(home.resolve(doc)).as(doc).isRegularFile().isNotEmptyFile();
        }
        String guide = Files.readString(home.resolve("使用说明.html"), StandardCharsets.UTF_8);
        assertThat(guide).contains("<html lang=\"zh-CN\">", "<h2>一、建立工作目录", "<table>",
                "src=\"docs/images/page-1.png\"", "href=\"docs/reference.md\"");
        Pattern named = Pattern.compile("(docs/[\\w.-]+\\.\\w+|[\\w.-]+\\.(?:md|txt|html|pdf))");
        int checked = 0;
        for (String c : List.of("--help", "init", "inspect", "template", "generate", "validate")) {
            Result r = c.startsWith("-") ? launch(noMaven, null, c) : launch(noMaven, null, c, "--help");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).doesNotContain("README.md", "samples/miluo-2026");
            Matcher m = named.matcher(r.out());
            while (m.find()) {
                assertThat(home.resolve(m.group(1))).as(c + " --help names " + m.group(1)).isRegularFile();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(4);
    }

    @Test
    void theShippedCompletionScriptIsWhatTheCommandPrints() throws IOException {
        Result r = launch(noMaven, null, "completion");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("complete -F _complete_bulletin")
                .isEqualTo(Files.readString(home.resolve("bin/bulletin-completion.bash")));
    }

    @Test
    void withJavaHomeAndNoCacheFolderToWriteItRunsWithoutTheArchiveAndSaysNothing() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("a-file"), "");
        Result r = launch(noJava, null, Map.of("XDG_CACHE_HOME", notAFolder + "/cache",
                "JAVA_HOME", System.getProperty("java.home")), "--version");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("bulletin " + VERSION);
        assertThat(r.err()).isEmpty();
    }

    /** Also cron's bare environment: no locale, so no UTF-8 for Java's file names unless the launcher sets it. */
    @Test
    void withoutTheSamplesOrALocaleItRunsWithoutTheArchiveAndSaysSoOnce() throws IOException {
        Path bare = tmp.resolve("没有示例");
        TreeCopy.copy(home.resolve("bin"), bare.resolve("bin"));
        TreeCopy.copy(home.resolve("lib"), bare.resolve("lib"));
        Files.setPosixFilePermissions(bare.resolve("bin/bulletin"), Files.getPosixFilePermissions(home.resolve("bin/bulletin")));
        Path cache = Files.createDirectories(tmp.resolve("cache-bare"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "LANG", "", "LC_ALL", "", "LC_CTYPE", "");
        Result first = run(noMaven, env, bare.resolve("bin/bulletin").toString(), "--version");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.err()).contains("找不到示例工作区 " + bare.resolve("samples/miluo-2026"));
        Result second = run(noMaven, env, bare.resolve("bin/bulletin").toString(), "--version");
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.err()).isEmpty();
    }

    @Test
    void aFailedTrainingRunIsLoggedSaidAtEveryStartAndNotTakenForAnArchive() throws IOException {
        Path broken = tmp.resolve("训练失败");
        TreeCopy.copy(home.resolve("bin"), broken.resolve("bin"));
        TreeCopy.copy(home.resolve("lib"), broken.resolve("lib"));
        TreeCopy.copy(home.resolve("samples"), broken.resolve("samples"));
        Files.setPosixFilePermissions(broken.resolve("bin/bulletin"), Files.getPosixFilePermissions(home.resolve("bin/bulletin")));
        Files.writeString(broken.resolve("samples/miluo-2026/bulletin.yaml"), "no_such_setting: 1\n");
        Path cache = Files.createDirectories(tmp.resolve("cache-broken"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        Result first = run(noMaven, env, broken.resolve("bin/bulletin").toString(), "--version");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).startsWith("bulletin " + VERSION);
        assertThat(first.err()).contains("快速启动准备失败", "warmup.log");
        Path log;
        try (Stream<Path> s = Files.walk(cache)) {
            log = s.filter(p -> p.getFileName().toString().equals("warmup.log")).findFirst().orElseThrow();
        }
        assertThat(log).content(StandardCharsets.UTF_8).contains("no_such_setting");
        assertThat(log.resolveSibling("bulletin.jsa")).doesNotExist();
        assertThat(log.resolveSibling("made-with")).doesNotExist();
        Result second = run(noMaven, env, broken.resolve("bin/bulletin").toString(), "--version");
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.err()).contains("快速启动未启用", "warmup.log").doesNotContain("正在为快速启动做准备");
    }

    @Test
    void anOldOrMissingJavaIsNamedInChineseBeforeAnythingRuns() throws IOException {
        Path cache = tmp.resolve("cache-default");
        Path old = Files.createDirectories(tmp.resolve("old-java"));
        Path fake = old.resolve("java");
        Files.writeString(fake, "#!/bin/sh\necho 'java version \"1.8.0_392\"' >&2\necho 'Java(TM) SE Runtime' >&2\n");
        Files.setPosixFilePermissions(fake, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        String path = old + ":" + noJava;
        for (Path launcher : List.of(home.resolve("bin/bulletin"), Path.of("bulletin").toAbsolutePath())) {
            Result r = run(Path.of(path), Map.of(), launcher.toString(), "--version");
            assertThat(r.code()).as(launcher + "\n" + r).isEqualTo(2);
            assertThat(r.err()).contains("Java 版本太旧", "Java 1）", "需要 Java 17");
            assertThat(r.out()).isEmpty();
            Result none = run(noJava, Map.of(), launcher.toString(), "--version");
            assertThat(none.code()).as(launcher + "\n" + none).isEqualTo(2);
            assertThat(none.err()).contains("找不到 Java", "需要 Java 17");
        }
        assertThat(cache).as("nothing made before Java was found good").doesNotExist();
    }

    // ---------------------------------------------------------------------------------------------------------

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code bin/bulletin args…} with the given PATH and cache folder (null: class-data sharing off). */
    private static Result launch(Path path, Path cache, String... args) throws IOException {
        return launch(path, cache, Map.of(), args);
    }

    private static Result launch(Path path, Path cache, Map<String, String> env, String... args) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        if (cache == null) {
            all.putIfAbsent("BULLETIN_CDS", "0");
        } else {
            all.put("XDG_CACHE_HOME", cache.toString());
        }
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/bulletin").toString()));
        cmd.addAll(List.of(args));
        return run(path, all, cmd.toArray(String[]::new));
    }

    /** Runs a program with PATH set to {@code path}, JAVA_HOME unset unless given, in the temporary folder. */
    private static Result run(Path path, Map<String, String> env, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("BULLETIN_JAVA_OPTS");
        pb.environment().remove("BULLETIN_CDS");
        pb.environment().put("PATH", path.toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache-default").toString()); // never the user's own
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("still running after 10 minutes: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A folder with a link to every program on this PATH (the first of each name), except those named. */
    private static Path linkPrograms(Path dir, Set<String> except) throws IOException {
        Files.createDirectories(dir);
        for (String entry : System.getenv("PATH").split(":")) {
            Path d = Path.of(entry.isEmpty() ? "." : entry);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                for (Path program : s.toList()) {
                    String name = program.getFileName().toString();
                    Path link = dir.resolve(name);
                    if (!except.contains(name) && Files.isExecutable(program) && !Files.isDirectory(program)
                            && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, program.toAbsolutePath());
                    }
                }
            } catch (IOException unreadable) {
                // a PATH folder we cannot list has nothing to offer
            }
        }
        return dir;
    }

    /** The first line naming {@code artifactId} at {@code version} ("… group:artifact:jar:version"), or -1. */
    private static int indexOf(List<String> lines, String artifactId, String version) {
        for (int i = 0; i < lines.size() - 1; i++) {
            String l = lines.get(i);
            if (l.contains(":" + artifactId + ":") && l.endsWith(":" + version)) {
                return i;
            }
        }
        return -1;
    }

    /** Unpacks a zip as unzip does, keeping each entry's Unix permissions. */
    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into)).as(e.getName()).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target);
                }
                if ((e.getUnixMode() & 0111) != 0) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
                    perms.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(target, perms);
                }
            }
        }
    }
}
