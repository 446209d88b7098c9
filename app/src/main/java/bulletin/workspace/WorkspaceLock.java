package bulletin.workspace;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.workspace.Workspace;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer at a time per workspace: {@code generate} and {@code template} hold an exclusive lock on
 * {@code .bulletin.lock} while they write; a second run is told so at once instead of interleaving files.
 */
public final class WorkspaceLock implements AutoCloseable {

    static final String FILE = ".bulletin.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static WorkspaceLock acquire(Workspace ws) {
        Path file = ws.root().resolve(FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw BulletinException.output("无法在工作目录中创建锁文件 " + FILE + "（" + e.getMessage() + "）", e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            close(ch);
            throw BulletinException.output("无法锁定工作目录（" + e.getMessage() + "）", e);
        }
        if (lock == null) {
            close(ch);
            throw new BulletinException(ExitCode.OUTPUT, "另一个 bulletin 正在使用这个工作目录（" + ws.root()
                    + "），为免文件互相覆盖，本次没有运行：请等它结束后再试");
        }
        return new WorkspaceLock(ch, lock);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        close(channel);
    }
}
