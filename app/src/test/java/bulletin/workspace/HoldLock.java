package bulletin.workspace;

import java.io.IOException;
import java.nio.file.Path;

/** A second process for {@link WorkspaceLockTest}: locks the workspace given, says so, and holds it until stdin ends. */
public final class HoldLock {

    private HoldLock() {
    }

    public static void main(String[] args) throws IOException {
        try (WorkspaceLock lock = WorkspaceLock.acquire(Workspace.open(Path.of(args[0])))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}
