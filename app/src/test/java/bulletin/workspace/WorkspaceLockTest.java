package bulletin.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.diag.BulletinException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace lock: the system's lock, not the file's presence; who holds it is told; links are refused. */
class WorkspaceLockTest {

    @TempDir
    Path root;

    private Workspace ws() {
        return Workspace.open(root);
    }

    @Test
    void aSecondLockInTheSameProcessIsRefusedAndToldWhoHoldsIt() {
        try (WorkspaceLock first = WorkspaceLock.acquire(ws())) {
            assertThatThrownBy(() -> WorkspaceLock.acquire(ws())).isInstanceOfSatisfying(BulletinException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(3);
                assertThat(e.getMessage()).contains("另一个 bulletin 正在使用这个工作目录",
                        "进程 " + ProcessHandle.current().pid());
            });
        }
        // released on close; the file stays and means nothing
        assertThat(root.resolve(".bulletin.lock")).isRegularFile();
        try (WorkspaceLock again = WorkspaceLock.acquire(ws())) {
            WorkspaceLock.check(ws());
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedWithItsProcessId() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HoldLock.class.getName(), root.toString());
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> WorkspaceLock.acquire(ws())).isInstanceOfSatisfying(BulletinException.class,
                    e -> assertThat(e.getMessage()).contains("另一个 bulletin 正在使用这个工作目录", "进程 " + child.pid()));
            child.getOutputStream().close();
            assertThat(child.waitFor()).isZero();
        } finally {
            child.destroyForcibly();
        }
        try (WorkspaceLock mine = WorkspaceLock.acquire(ws())) {
            assertThat(Files.readString(root.resolve(".bulletin.lock"))).contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void aLockFileDeletedDuringTheRunStopsItBeforeAnythingIsReplaced() throws Exception {
        try (WorkspaceLock lock = WorkspaceLock.acquire(ws())) {
            Files.delete(root.resolve(".bulletin.lock"));
            assertThatThrownBy(() -> WorkspaceLock.check(ws())).isInstanceOfSatisfying(BulletinException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(3);
                assertThat(e.getMessage()).contains(".bulletin.lock", "被删除或替换", "没有改动原有文件");
            });
        }
    }

    @Test
    void aLockFileWithASecondNameIsRefusedAndLeftAlone() throws Exception {
        Path outside = Files.writeString(root.resolveSibling(root.getFileName() + "-elsewhere.txt"), "keep me");
        try {
            Files.createLink(root.resolve(".bulletin.lock"), outside);
            assertThatThrownBy(() -> WorkspaceLock.acquire(ws())).isInstanceOfSatisfying(BulletinException.class,
                    e -> assertThat(e.getMessage()).contains(".bulletin.lock", "多个硬链接"));
            assertThat(outside).hasContent("keep me");
        } catch (UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("no hard links here");
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
