package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
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
 * The template parsed ahead on another thread ({@link Wording#prepare}, which generate starts while it reads the
 * workbooks) is the template of the folder rendered, taken once, and a fault in it is told by the render as before.
 * The built-in template is parsed once per JVM ({@link Wording#configurationFor}) and serves every workspace whose
 * templates folder holds no template of its own (none, an empty one, one with only reference.docx); a folder with a
 * template of any name ({@code bulletin.ftl}, one for a locale, in capitals) is read as before.
 */
class WordingAheadTest {

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

    private Path templates(String name, String ftl) throws Exception {
        Path t = Files.createDirectories(dir.resolve(name).resolve("templates"));
        Files.writeString(t.resolve(Wording.TEMPLATE), ftl, StandardCharsets.UTF_8);
        return t;
    }

    private static List<Wording.Block> render(Path templates) {
        return Wording.render(may, Notes.EMPTY, templates, new HashMap<>());
    }

    /**
     * Waits until what prepare started is parsed (the render takes it only when ready): on its future, not for a
     * while, so that a busy machine or another class's work on the common pool cannot make the render read the file
     * itself (theRenderUsesTheParseMadeAhead failed once so under load 6).
     */
    private static void prepareAndWait(Path templates) throws Exception {
        Wording.prepare(templates);
        Wording.awaitAhead();
    }

    @Test
    void thePreparedTemplateGivesWhatAFreshReadGives() throws Exception {
        Path t = templates("a", "@h1 ${title}\n@p 第${issue}期\n");
        List<Wording.Block> fresh = render(t);
        prepareAndWait(t);
        assertThat(render(t)).isEqualTo(fresh)
                .contains(new Wording.Block("p", "第" + may.issue() + "期"));
    }

    /** The run's template is the one read at its start: the parse made ahead is what the render uses. */
    @Test
    void theRenderUsesTheParseMadeAhead() throws Exception {
        Path t = templates("a", "@p 甲\n");
        prepareAndWait(t);
        Files.writeString(t.resolve(Wording.TEMPLATE), "@p 丁\n", StandardCharsets.UTF_8);
        assertThat(render(t)).containsExactly(new Wording.Block("p", "甲"));
    }

    @Test
    void aTemplatePreparedForAnotherFolderIsNotUsed() throws Exception {
        Path a = templates("a", "@p 甲\n");
        Path b = templates("b", "@p 乙\n");
        prepareAndWait(a);
        assertThat(render(b)).containsExactly(new Wording.Block("p", "乙"));
    }

    @Test
    void thePreparedTemplateIsTakenOnceAndAnEditAfterItIsRead() throws Exception {
        Path t = templates("a", "@p 甲\n");
        prepareAndWait(t);
        assertThat(render(t)).containsExactly(new Wording.Block("p", "甲"));
        Files.writeString(t.resolve(Wording.TEMPLATE), "@p 丙\n", StandardCharsets.UTF_8);
        assertThat(render(t)).containsExactly(new Wording.Block("p", "丙"));
    }

    @Test
    void aBrokenTemplatePreparedIsStillToldWithItsLine() throws Exception {
        Path t = templates("a", "@p 甲\n<#if>\n");
        prepareAndWait(t);
        assertThatThrownBy(() -> render(t)).isInstanceOf(BulletinException.class)
                .hasMessageContaining("templates/bulletin.ftl:2").hasMessageContaining("模板语法有误")
                .satisfies(e -> assertThat(((BulletinException) e).exitCode()).isEqualTo(ExitCode.USAGE));
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
