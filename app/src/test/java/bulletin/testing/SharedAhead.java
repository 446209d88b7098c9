package bulletin.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocks;

/**
 * The suite's shared fixtures made ahead, on a thread of their own, while the first test classes run: the ArchUnit
 * import of the program ({@link MainClasses}), the tables of the second fixture cities as POI writes them
 * ({@link SecondCity}, {@link SidewaysCity}) and the generated months of {@link GeneratedSamples} (May, March to
 * June, April, March to May), in the order the suite's classes first ask for them. Run one class at a time, the
 * suite keeps one core busy and leaves the other mostly idle; the fixtures are the same objects the tests would
 * otherwise make on first use (the same calls, each under its own lock), so a test that asks before its fixture is
 * ready waits for it, and one that asks after takes it as made. Nothing a test asserts on changes; the work is the
 * same, done beside the first classes instead of inside the first class that asks.
 *
 * <p>Registered for every class through {@code META-INF/services} (Jupiter's extension auto-detection, switched on
 * in {@code junit-platform.properties}); it starts only for a whole run of the unit tests (Surefire, no
 * {@code -Dtest} selection, a {@code *Test} class first) and not with {@code -Dbulletin.sharedAhead=false}. A class
 * that changes what every run in the JVM sees ({@code @Isolated}, {@code @ResourceLock}: a write fault,
 * {@code System.err}, a system property) first waits until the fixtures are made, so none of them is made under its
 * change.
 */
public final class SharedAhead implements BeforeAllCallback {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Thread ahead;

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        Class<?> test = context.getRequiredTestClass();
        if (STARTED.compareAndSet(false, true) && wholeRun(test)) {
            Thread t = new Thread(SharedAhead::make, "shared-fixtures-ahead");
            t.setDaemon(true);
            ahead = t;
            t.start();
        }
        Thread t = ahead;
        if (t != null && changesTheJvm(test)) {
            t.join();
        }
    }

    /**
     * The unit tests as a whole: under Surefire (not a class run from an IDE) with nothing selected, a
     * {@code *Test} class first (not the integration tests).
     */
    private static boolean wholeRun(Class<?> first) {
        return System.getProperty("surefire.test.class.path") != null && System.getProperty("test") == null
                && first.getSimpleName().endsWith("Test")
                && !"false".equals(System.getProperty("bulletin.sharedAhead"));
    }

    private static boolean changesTheJvm(Class<?> test) {
        return test.isAnnotationPresent(Isolated.class) || test.isAnnotationPresent(ResourceLock.class)
                || test.isAnnotationPresent(ResourceLocks.class);
    }

    /** Each fixture in the order the suite first asks for it; one that fails is made (and fails) again on use. */
    private static void make() {
        Runnable[] fixtures = {MainClasses::get, () -> tables(SecondCity::writeWorkspace), GeneratedSamples::may,
            GeneratedSamples::marchToJune, () -> tables(SidewaysCity::writeWorkspace), GeneratedSamples::april,
            GeneratedSamples::marchToMay};
        for (Runnable f : fixtures) {
            try {
                f.run();
            } catch (RuntimeException | Error e) {
                // the test that asks for this fixture makes it again and reports what goes wrong
            }
        }
    }

    /** A fixture city's tables written by POI (once per JVM, kept by its class) into a folder thrown away. */
    private static void tables(Parallel.Step<Path> write) {
        try {
            Path dir = Files.createTempDirectory("bulletin-ahead");
            try {
                write.apply(dir);
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
