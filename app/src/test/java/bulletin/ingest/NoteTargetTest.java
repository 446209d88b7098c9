package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A 备注 naming a reporter and a figure gives it a target in the row's 单位; anything else stays a note (issue 14). */
class NoteTargetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "市本级 250|人|市本级|250",
        "市本级250人次|人次|市本级|250",
        "其中市本级 10|人|市本级|10",
        "其中：市本级250人次|人次|市本级|250",
        "市本级50人（由市残联直接实施）|人|市本级|50",
        "市本级承担30人次|人次|市本级|30",
        "市本级完成800个|个|市本级|800",
        "市本级：50|户|市本级|50",
        "市直 30|人|市本级|30",
        "市本级2场|场次|市本级|2",
        "市本级15000人|万人|市本级|1.5",
        "市本级1.5万人|万人|市本级|1.5",
        "市本级0.025万人次|人次|市本级|250",
        "县本级 12|座|县本级|12"})
    void aReporterAndAFigure(String note, String measure, String reporter, String target) {
        var t = TargetTableReader.noteTarget(note, measure).orElseThrow();
        assertThat(t.getKey()).isEqualTo(reporter);
        assertThat(t.getValue()).isEqualByComparingTo(target);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"含市本级|人", "含临时救助|万元", "市本级另行安排|个", "市本级250元|人"})
    void wordsStayANote(String note, String measure) {
        assertThat(TargetTableReader.noteTarget(note, measure)).isEmpty();
    }
}
