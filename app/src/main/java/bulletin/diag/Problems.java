package bulletin.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem found in a run, so that users see all of them and not only the first. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public void add(Problem p) {
        list.add(p);
    }

    public void addAll(Problems other) {
        list.addAll(other.list);
    }

    public void error(String code, Place place, String message) {
        add(Problem.error(code, place, message));
    }

    public void warning(String code, Place place, String message) {
        add(Problem.warning(code, place, message));
    }

    public List<Problem> all() {
        return Collections.unmodifiableList(list);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }
}
