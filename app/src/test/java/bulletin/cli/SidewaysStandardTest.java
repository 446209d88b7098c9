package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.SidewaysCity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, point 8 in a table laid out the other way round ({@link SidewaysCity}): a standard merged down its
 * column over every area row is every area's target, as one merged across all the unit columns of the usual
 * layout; the areas are not asked for it, and the area without a task stays without one.
 */
class SidewaysStandardTest {

    static final String STANDARD = "城乡低保标准不低于700元/月";

    @TempDir
    Path tmp;

    /** The sideways table with a ninth column, 城乡低保标准(元/月), led by 市民政局, its standard merged down the areas. */
    private Path workspace(boolean allAreas) throws IOException {
        Path ws = tmp.resolve(allAreas ? "全部" : "部分");
        Files.createDirectories(ws.resolve("targets"));
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(
                ws.resolve("targets/" + SidewaysCity.TITLE + ".xlsx"))) {
            Sheet sh = SidewaysCity.writeTo(wb, "任务分解");
            int c = SidewaysCity.HEADERS.size() + 1;
            cell(sh, 1, c, "兜底保障");
            cell(sh, 2, c, "城乡低保标准(元/月)");
            cell(sh, 3, c, "市民政局");
            int first = 5;
            int last = first + SidewaysCity.AREAS.size() - 1;
            cell(sh, first, c, STANDARD);
            sh.addMergedRegion(new CellRangeAddress(first, allAreas ? last : first + 1, c, c));
            wb.write(out);
        }
        return ws;
    }

    private static void cell(Sheet sh, int r, int c, String v) {
        Row row = sh.getRow(r) == null ? sh.createRow(r) : sh.getRow(r);
        row.createCell(c).setCellValue(v);
    }

    private static JsonNode indicator(JsonNode model, String name) {
        for (JsonNode i : model.get("indicators")) {
            if (i.get("name").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + name);
    }

    @Test
    void aStandardMergedDownEveryAreaIsEachAreasTarget() throws IOException {
        Path ws = workspace(true);
        Run json = Cli.in(ws, "inspect", "--json");
        assertThat(json.code()).as(json.toString()).isZero();
        JsonNode model = new ObjectMapper().readTree(json.out());
        JsonNode i = indicator(model, "城乡低保标准");
        assertThat(i.get("kind").asText()).isEqualTo("standard");
        assertThat(i.get("standardForAll").asText()).isEqualTo(STANDARD);
        assertThat(i.get("unitTexts").size()).as("the areas are not asked").isZero();
        assertThat(i.get("reportedBy").asText()).isEqualTo("leadUnit");
        assertThat(model.get("idleUnits").toString()).isEqualTo("[\"" + SidewaysCity.IDLE + "\"]");
        Run r = Cli.in(ws, "inspect", "--indicator", i.get("code").asText());
        assertThat(r.code()).as(r.toString()).isZero();
        for (String area : SidewaysCity.AREAS) {
            assertThat(r.out()).containsPattern(area + "\\s+" + STANDARD + " · 由市民政局统一落实");
        }
    }

    /** Merged down two areas only: those two have it as their own text target, as before; nobody else has it. */
    @Test
    void aStandardMergedDownSomeAreasIsNotEveryones() throws IOException {
        Path ws = workspace(false);
        Run json = Cli.in(ws, "inspect", "--json");
        assertThat(json.code()).as(json.toString()).isZero();
        JsonNode i = indicator(new ObjectMapper().readTree(json.out()), "城乡低保标准");
        assertThat(i.get("standardForAll").isNull()).isTrue();
        assertThat(i.get("unitTexts").toString())
                .isEqualTo("{\"东湖区\":\"" + STANDARD + "\",\"西湖区\":\"" + STANDARD + "\"}");
    }
}
