package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real indicator code a mistyped one in bulletin.yaml most likely means. */
class NearestCodeTest {

    private static final List<String> CODES = List.of("03-01", "03-05", "16-01", "16-02", "18-01");

    @Test
    void theSameNumbersWrittenAnotherWayAreTheCode() {
        assertThat(ModelBuilder.nearestCode("16-2", CODES)).isEqualTo("16-02");
        assertThat(ModelBuilder.nearestCode("16.02", CODES)).isEqualTo("16-02");
        assertThat(ModelBuilder.nearestCode("1602", CODES)).isEqualTo("16-02");
        assertThat(ModelBuilder.nearestCode("3-5", CODES)).isEqualTo("03-05");
    }

    @Test
    void otherwiseTheCodeAtMostTwoEditsAwayOrNone() {
        assertThat(ModelBuilder.nearestCode("18-10", CODES)).isEqualTo("18-01");
        assertThat(ModelBuilder.nearestCode("99-99", CODES)).isNull();
        assertThat(ModelBuilder.nearestCode("城镇新增就业", CODES)).isNull();
    }
}
