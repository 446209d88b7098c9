package bulletin.document;

import bulletin.model.Level;
import bulletin.model.Snapshot;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

/**
 * The appendix tables of one snapshot laid out once (附件1, 附件2: {@link AppendixLayout}; 附件3:
 * {@link PlatformLayout}) for both the .docx ({@link DocxWriter}) and the xlsx copy ({@link AppendixXlsx}), which
 * laid out each table again for themselves. {@link #start} lays them out on a thread of its own, in the order the
 * documents ask for them; a table asked for before that thread has begun it is laid out by the thread that asks.
 * Layouts are immutable records, handed over through the tasks' results.
 */
public final class Appendices {

    private final Snapshot snapshot;
    private final String programme;
    private final Map<String, String> details;
    private final Map<Level, FutureTask<Optional<AppendixLayout>>> levels = new EnumMap<>(Level.class);
    private final FutureTask<Optional<AppendixLayout>> platform;

    private Appendices(Snapshot s, String programme, Map<String, String> details) {
        this.snapshot = s;
        this.programme = programme;
        this.details = details;
        for (Level level : Level.values()) {
            levels.put(level, new FutureTask<>(() -> Optional.ofNullable(AppendixLayout.of(s, level, programme,
                    details))));
        }
        platform = new FutureTask<>(() -> Optional.ofNullable(PlatformLayout.of(s)));
    }

    /** The tables of {@code s} under {@code look}'s programme and 具体情况, each laid out when first asked for. */
    static Appendices of(Snapshot s, DocxWriter.Look look) {
        return new Appendices(s, look.programme(), look.details());
    }

    /** The same, laid out from now on by a thread of its own (generate: while the document's body is built). */
    public static Appendices start(Snapshot s, DocxWriter.Look look) {
        return start(s, look, CompletableFuture.completedFuture(null));
    }

    /**
     * The same, laid out by a thread of its own once {@code after} is done (however it ends): generate begins them
     * before the wording but lets the reference document load first, which the document waits for.
     */
    public static Appendices start(Snapshot s, DocxWriter.Look look, CompletableFuture<?> after) {
        Appendices a = of(s, look);
        bulletin.diag.Tasks.ahead("appendix layout", () -> {
            after.handle((v, e) -> v).join();
            a.levels.values().forEach(FutureTask::run);
            a.platform.run();
        });
        return a;
    }

    /** Whether these are the tables {@code s} and {@code look} make (else the caller lays out its own). */
    public boolean isFor(Snapshot s, DocxWriter.Look look) {
        return s == snapshot && Objects.equals(programme, look.programme()) && Objects.equals(details, look.details());
    }

    /** The table of one level, or null where the month has no indicator of that level. */
    AppendixLayout layout(Level level) {
        return take(levels.get(level));
    }

    /** 附件3, or null where the snapshot has no platform counts. */
    AppendixLayout platform() {
        return take(platform);
    }

    /**
     * A task's result, laid out here where no thread has begun it: its failure (an error in the layout, out of
     * memory) thrown here as it was.
     */
    static <T> T take(FutureTask<Optional<T>> task) {
        return bulletin.diag.Tasks.take(task).orElse(null);
    }
}
