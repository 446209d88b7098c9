package bulletin.diag;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Work begun ahead on another thread, taken where it is needed. */
public final class Tasks {

    private Tasks() {
    }

    /** Runs {@code work} on a daemon thread of its own named {@code name}, from now on (what {@link #take} takes). */
    public static void ahead(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * The task's result: run here where no thread has begun it yet (running a task that has run or is running does
     * nothing), else waited for; its failure (an error in it, out of memory) thrown here as it was.
     */
    public static <T> T take(FutureTask<T> task) {
        task.run();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
