package bulletin.forms;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.forms.FormWriter.ReporterType;
import bulletin.ingest.ModelLoader;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.testing.OtherCity;
import bulletin.testing.SecondCity;
import bulletin.testing.SidewaysCity;
import bulletin.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The form written directly ({@link FormWriter}) is the form POI wrote ({@link PoiFormWriter}, the old writer kept
 * as the reference): every part, in the same order, byte for byte, but for the time of creation in
 * docProps/core.xml. Checked for every reporter of the samples (units and departments, with and without last
 * month's figures, with and without a deadline) and of three other cities, and for hostile names.
 */
class FormXmlParityTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @TempDir
    static Path dir;

    @Test
    void theSamplesFormsAreThePoiForms() throws IOException {
        IndicatorModel model = ModelLoader.load(Workspace.open(Path.of("samples/miluo-2026")));
        assertThat(everyForm(model)).isEqualTo(model.reporters().size() + model.departments().size());
    }

    @Test
    void theOtherCitiesFormsAreThePoiForms() throws IOException {
        // The three cities written and their models loaded at once (each in its own folder), on both cores.
        List<IndicatorModel> models = bulletin.testing.Parallel.map(List.of("second", "other", "sideways"), city -> {
            switch (city) {
                case "second" -> SecondCity.writeWorkspace(dir.resolve(city));
                case "other" -> OtherCity.write(dir.resolve(city));
                default -> SidewaysCity.writeWorkspace(dir.resolve(city));
            }
            return ModelLoader.load(Workspace.open(dir.resolve(city)));
        });
        int forms = 0;
        for (IndicatorModel model : models) {
            forms += everyForm(model);
        }
        assertThat(forms).isGreaterThan(15);
    }

    @Test
    void hostileNamesAndFiguresAreWrittenAsPoiWroteThem() throws IOException {
        IndicatorModel model = ModelLoader.load(Workspace.open(Path.of("samples/miluo-2026")));
        String unit = model.reporters().get(0);
        int k = 0;
        for (String name : List.of(unit, " 前导空格", "末尾空格 ", "a<b>c&d\"e'f]]>g", "回车\r\n换行\t制表", "\u3000全角",
                "x_x0041_y", "控制\u0001字符\uFFFE", "\uD83D\uDE00表情", "\u2028")) {
            if (k++ % 2 == 0) {
                compare(model, name, ReporterType.UNIT, 25, lasts(model, name, 3));
            } else {
                compare(model, name, ReporterType.DEPARTMENT, null, Map.of());
            }
        }
        Map<String, BigDecimal> odd = new LinkedHashMap<>();
        List<String> values = List.of("0", "-1", "1E+21", "123456789012345678.5", "0.000000123", "1E-7", "99.99",
                "1E+400", "3.14159265358979323846");
        List<Indicator> inds = model.indicatorsFor(unit);
        for (k = 0; k < inds.size(); k++) {
            odd.put(inds.get(k).code(), new BigDecimal(values.get(k % values.size())));
        }
        compare(model, unit, ReporterType.UNIT, 25, odd);
    }

    /**
     * Every reporter's form, once each, the variants taken in turn (no last figures and a deadline; last figures and
     * no deadline; other figures and another deadline); how many forms were compared.
     */
    private static int everyForm(IndicatorModel model) throws IOException {
        // Each form's case, then all compared on both cores (each writes its own two forms in memory; the model is
        // immutable); a failed comparison is rethrown, the first in the cases' order.
        List<Runnable> cases = new java.util.ArrayList<>();
        int n = 0;
        for (String r : model.reporters()) {
            switch (n++ % 3) {
                case 0 -> cases.add(() -> compareUnchecked(model, r, ReporterType.UNIT, 25, Map.of()));
                case 1 -> cases.add(() -> compareUnchecked(model, r, ReporterType.UNIT, null, lasts(model, r, 1)));
                default -> cases.add(() -> compareUnchecked(model, r, ReporterType.UNIT, 10, lasts(model, r, 7)));
            }
        }
        for (String d : model.departments()) {
            boolean none = n++ % 2 == 0;
            cases.add(() -> compareUnchecked(model, d, ReporterType.DEPARTMENT, 25, none ? Map.of() : lasts(model, d, 2)));
        }
        bulletin.testing.Parallel.map(cases, c -> {
            c.run();
            return Boolean.TRUE;
        });
        return n;
    }

    private static void compareUnchecked(IndicatorModel model, String reporter, ReporterType type, Integer deadline,
                                         Map<String, BigDecimal> last) {
        try {
            compare(model, reporter, type, deadline, last);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Last month's figures: about the target's share {@code seed}/10, some whole, some decimal, some missing. */
    private static Map<String, BigDecimal> lasts(IndicatorModel model, String reporter, int seed) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        int k = 0;
        for (Indicator i : model.indicatorsFor(reporter)) {
            k++;
            if ((k + seed) % 4 == 0) {
                continue;
            }
            BigDecimal t = i.targets().getOrDefault(reporter, i.cityTarget());
            BigDecimal v = t == null ? BigDecimal.valueOf(k * 7L + seed)
                    : t.multiply(BigDecimal.valueOf(seed + k % 5)).divide(BigDecimal.TEN);
            out.put(i.code(), (k + seed) % 3 == 0 ? v.add(new BigDecimal("0.37")) : v);
        }
        return out;
    }

    private static void compare(IndicatorModel model, String reporter, ReporterType type, Integer deadline,
                                Map<String, BigDecimal> last) throws IOException {
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        FormWriter.write(model, reporter, type, MAY, deadline, last, direct);
        ByteArrayOutputStream poi = new ByteArrayOutputStream();
        PoiFormWriter.write(model, reporter, type, MAY, deadline, last, poi);
        Map<String, String> a = parts(direct.toByteArray());
        Map<String, String> b = parts(poi.toByteArray());
        String what = reporter + " (" + type + ", deadline " + deadline + ", " + last.size() + " last figures): ";
        assertThat(List.copyOf(a.keySet())).as(what + "parts").isEqualTo(List.copyOf(b.keySet()));
        for (String part : b.keySet()) {
            assertThat(a.get(part)).as(what + part).isEqualTo(b.get(part));
        }
    }

    /** The parts of a zip in their order, the created time of docProps/core.xml blanked. */
    static Map<String, String> parts(byte[] zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.put(e.getName(), text.replaceAll("<dcterms:created([^>]*)>[^<]*<", "<dcterms:created$1>…<"));
            }
        }
        return out;
    }

    @Test
    void theCreatedTimeIsATimeOfNow() throws IOException {
        IndicatorModel model = ModelLoader.load(Workspace.open(Path.of("samples/miluo-2026")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormWriter.write(model, model.reporters().get(0), ReporterType.UNIT, MAY, 25, out);
        Files.write(dir.resolve("one.xlsx"), out.toByteArray());
        String core;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(dir.resolve("one.xlsx")))) {
            ZipEntry e;
            while (!(e = in.getNextEntry()).getName().equals("docProps/core.xml")) {
                in.closeEntry();
            }
            core = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(core).containsPattern("<dcterms:created xsi:type=\"dcterms:W3CDTF\">20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ<");
    }
}
