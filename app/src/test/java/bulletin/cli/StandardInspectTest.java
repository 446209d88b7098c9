package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.SampleWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standard set for every town (05-02) whose lead department sent no May workbook: each town's row in
 * {@code inspect} carries the department's April figure and says the department did not report (the hostile test
 * found "有误未采用" on every town's row, though nothing was wrong).
 */
class StandardInspectTest {

    @TempDir
    Path tmp;

    @Test
    void eachTownSaysTheLeadDepartmentDidNotReport() throws IOException {
        Path ws = SampleWorkspace.copyTo(tmp.resolve("ws"));
        Files.delete(ws.resolve("progress/2026-05/2026-05_市人社局.xlsx"));
        Run r = Cli.in(ws, "inspect", "--indicator", "05-02", "--month", "5");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("全市").containsPattern("白水镇 .*市人社局未报送，沿用4月")
                .doesNotContain("有误未采用");
    }
}
