package bulletin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Units' names to file names: one-to-one, plain, short. */
class FormFileNameTest {

    private static final YearMonth JUL = YearMonth.of(2026, 7);

    @Test
    void namesThatMakeOneFileNameAreToldApartStably() {
        List<String> units = List.of("甲/乙镇", "甲_乙镇", "甲:乙镇", "ABC镇", "abc镇", "归义街道");
        List<String> renamed = new ArrayList<>();
        Map<String, String> names = TemplateService.fileNames(JUL, units, renamed);
        assertThat(new HashSet<>(names.values().stream().map(String::toLowerCase).toList())).hasSize(units.size());
        assertThat(names.get("甲_乙镇")).isEqualTo("2026-07_甲_乙镇.xlsx");
        assertThat(names.get("归义街道")).isEqualTo("2026-07_归义街道.xlsx");
        assertThat(names.get("ABC镇")).isEqualTo("2026-07_ABC镇.xlsx");
        assertThat(names.get("abc镇")).matches("2026-07_abc镇-[0-9a-f]{8}\\.xlsx");
        assertThat(renamed).hasSize(2);
        // The same units, in another order, make the same names.
        List<String> reversed = new ArrayList<>(units);
        java.util.Collections.reverse(reversed);
        assertThat(TemplateService.fileNames(JUL, reversed, new ArrayList<>())).isEqualTo(names);
    }

    /** Moved from FormWriterTest when AtomicFile.safeName, which namePart had replaced, was removed. */
    @Test
    void unitNamesCannotMakeAPathOutsideTheFolder() {
        assertThat(TemplateService.namePart("../../etc/passwd")).doesNotContain("/").doesNotStartWith(".");
        assertThat(TemplateService.namePart("甲:镇*?")).isEqualTo("甲_镇__");
        assertThat(TemplateService.namePart("..")).isEqualTo("_");
    }

    @Test
    void controlAndBidiCharactersAreDroppedAndLongNamesCut() {
        assertThat(TemplateService.namePart("\u202E三江镇\u200F")).isEqualTo("三江镇");
        assertThat(TemplateService.namePart("三江\u2066镇\u2069\u200E")).isEqualTo("三江镇");
        assertThat(TemplateService.namePart("三江\n镇\t")).isEqualTo("三江_镇");
        assertThat(TemplateService.namePart("..\\隐藏")).isEqualTo("__隐藏");
        assertThat(TemplateService.namePart("\u202E")).isEqualTo("_");
        String a = "很长的名字".repeat(20) + "甲";
        String b = "很长的名字".repeat(20) + "乙";
        assertThat(TemplateService.namePart(a)).isNotEqualTo(TemplateService.namePart(b))
                .isEqualTo(TemplateService.namePart(a));
        assertThat(TemplateService.namePart(a).length()).isLessThanOrEqualTo(TemplateService.MAX_NAME);
        String wide = "𠀀".repeat(70); // four bytes each in UTF-8
        assertThat(TemplateService.namePart(wide).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(TemplateService.MAX_NAME_BYTES);
    }
}
