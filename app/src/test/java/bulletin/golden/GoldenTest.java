package bulletin.golden;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.samples.MiluoSamples;
import bulletin.testing.Cli;
import bulletin.testing.OtherCity;
import bulletin.testing.ResponsibilitySheet;
import bulletin.testing.TargetSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: each folder under {@code app/src/test/golden/} is a workspace plus {@code args} (the command
 * line, one argument a line) and {@code expected.txt} (exit code, stdout, stderr). One parameterised test runs
 * them all. {@code -Dbulletin.updateGolden=true} rewrites the expected outputs, and makes the inputs of the
 * cases built below where their folder has none; review the diff before committing.
 */
class GoldenTest {

    static final Path ROOT = Path.of("app/src/test/golden");

    /** How the inputs of the generated cases are made. */
    interface Input {
        void write(Path ws) throws IOException;
    }

    static final Map<String, Input> INPUTS = Map.of(
            "inspect-miluo-json", ws -> {
                MiluoSamples.writeTargets(ws.resolve("targets/指标任务分解表.xlsx"));
                MiluoSamples.writeResponsibility(ws.resolve("targets/责任分解表.xlsx"));
            },
            "inspect-other-city", OtherCity::write,
            "inspect-unjoined", GoldenTest::unjoined);

    static Stream<String> cases() throws IOException {
        if (Boolean.getBoolean("bulletin.updateGolden")) {
            for (var e : INPUTS.entrySet()) {
                Path dir = ROOT.resolve(e.getKey());
                if (!Files.isDirectory(dir.resolve("targets"))) { // inputs are made once; delete to remake
                    Files.createDirectories(dir);
                    e.getValue().write(dir);
                }
            }
        }
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        copy(dir, tmp);
        List<String> args = Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        Cli.Run run = Cli.in(tmp, args.toArray(new String[0]));
        String actual = run.toString();
        Path expected = dir.resolve("expected.txt");
        if (Boolean.getBoolean("bulletin.updateGolden")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().equals("args") || rel.toString().equals("expected.txt")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void unjoined(Path ws) throws IOException {
        TargetSheet t = new TargetSheet("2026年任务分解表", List.of("甲镇", "乙镇"))
                .closingNote("注：1—2项为省级重点民生实事。");
        t.line(1, "劳有所得", "就业", "城镇新增就业600人", "人", List.of(300, 300));
        t.line(1, "劳有所得", "就业", "开展职业技能培训100人次", "人次", List.of(50, 50));
        t.line(2, "病有所医", null, "培训乡村医生4人", "人", List.of(2, 2));
        ResponsibilitySheet r = new ResponsibilitySheet("责任分解表");
        r.line(1, "劳有所得", "城镇新增就业（600人）", "甲", "市人社局", "市财政局");
        r.line(1, "劳有所得", "新建公共充电桩200个", "乙", "市发改委", "市住建局");
        Path file = ws.resolve("targets/tables.xlsx");
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            t.writeTo(wb, "任务");
            r.writeTo(wb, "责任");
            wb.write(out);
        }
    }
}
