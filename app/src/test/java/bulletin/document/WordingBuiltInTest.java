package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Notes;
import bulletin.model.Snapshot;
import bulletin.testing.GeneratedSamples;
import freemarker.template.Configuration;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in template is parsed once per JVM ({@link Wording#configurationFor}) and serves every workspace whose
 * templates folder holds no template of its own (none, an empty one, one with only reference.docx); a folder with
 * a template of any name ({@code bulletin.ftl}, one for a locale, in capitals) is read as before, each render.
 */
class WordingBuiltInTest {

    private static Snapshot may;

    @TempDir
    Path dir;

    @BeforeAll
    static void snapshot() throws Exception {
        Path json = GeneratedSamples.may().workspace().resolve("out/2026-05/bulletin.json");
        may = SnapshotReader.parse(Files.readString(json, StandardCharsets.UTF_8));
    }

    @AfterEach
    void forget() {
        Wording.forgetAhead();
    }

    private Path folder(String name, String... files) throws Exception {
        Path t = Files.createDirectories(dir.resolve(name).resolve("templates"));
        for (String f : files) {
            Files.writeString(t.resolve(f), "@p 乙\n", StandardCharsets.UTF_8);
        }
        return t;
    }

    @Test
    void oneParseServesEveryFolderWithoutATemplateOfItsOwn() throws Exception {
        Configuration builtIn = Wording.configurationFor(null);
        assertThat(Wording.configurationFor(dir.resolve("none/templates"))).isSameAs(builtIn);
        assertThat(Wording.configurationFor(folder("empty"))).isSameAs(builtIn);
        assertThat(Wording.configurationFor(folder("docx", "reference.docx", "说明.txt"))).isSameAs(builtIn);
        for (String own : List.of("bulletin.ftl", "bulletin_zh_CN.ftl", "BULLETIN.FTL", "附件.ftl")) {
            assertThat(Wording.configurationFor(folder("own-" + own.hashCode(), own))).as(own).isNotSameAs(builtIn);
        }
    }

    @Test
    void theSharedParseRendersWhatAFreshOneRenders() throws Exception {
        Map<String, Object> model = Wording.dataModel(may, Notes.EMPTY, new HashMap<>());
        StringWriter shared = new StringWriter();
        StringWriter fresh = new StringWriter();
        Wording.configurationFor(null).getTemplate(Wording.TEMPLATE).process(new HashMap<>(model), shared);
        Wording.configuration(null).getTemplate(Wording.TEMPLATE).process(new HashMap<>(model), fresh);
        assertThat(shared.toString()).isEqualTo(fresh.toString()).contains("第" + may.issue() + "期");
    }

    /** A template put in the folder after a render of the built-in one is the next render's. */
    @Test
    void aTemplateAddedLaterIsRead() throws Exception {
        Path t = folder("later", "reference.docx");
        List<Wording.Block> before = Wording.render(may, Notes.EMPTY, t, new HashMap<>());
        assertThat(before).isEqualTo(Wording.render(may, Notes.EMPTY, null, new HashMap<>()))
                .doesNotContain(new Wording.Block("p", "乙"));
        Files.writeString(t.resolve(Wording.TEMPLATE), "@p 乙\n", StandardCharsets.UTF_8);
        assertThat(Wording.render(may, Notes.EMPTY, t, new HashMap<>())).containsExactly(new Wording.Block("p", "乙"));
    }
}
