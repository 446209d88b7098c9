package bulletin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FormContract#isCodeRow} without a regex gives the pattern's answers. */
class CodeRowTest {

    @Test
    void sameAnswersAsThePattern() {
        for (String s : List.of("", "-", "1-", "-1", "1-1", "01-12", "1--1", "1-1-1", "a-1", "1-a", "１-1", " 1-1",
                "1-1 ", "12", "form-version", "٣-1", "1-٣", "11-222")) {
            assertThat(FormContract.isCodeRow(s)).as(s).isEqualTo(FormContract.codePattern().matcher(s).matches());
        }
        Random rnd = new Random(24);
        String alphabet = "0123456789--a ٣１";
        int codes = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(7);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(rnd.nextInt(rnd.nextInt(4) == 0 ? alphabet.length() : 11)));
            }
            String s = sb.toString();
            boolean want = FormContract.codePattern().matcher(s).matches();
            codes += want ? 1 : 0;
            assertThat(FormContract.isCodeRow(s)).as(s).isEqualTo(want);
        }
        assertThat(codes).isGreaterThan(1000);
    }
}
