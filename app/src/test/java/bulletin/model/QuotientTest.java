package bulletin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Quotient#of} is {@code x.divide(y, MC)}: the same value at the same scale, for every pair tried. */
class QuotientTest {

    private static void same(BigDecimal x, BigDecimal y) {
        BigDecimal jdk = x.divide(y, Quotient.MC);
        BigDecimal ours = Quotient.of(x, y);
        assertThat(ours.unscaledValue()).as("%s / %s", x, y).isEqualTo(jdk.unscaledValue());
        assertThat(ours.scale()).as("scale of %s / %s", x, y).isEqualTo(jdk.scale());
    }

    @Test
    void theCasesTheEngineMeets() {
        BigDecimal hundred = BigDecimal.valueOf(100);
        for (String p : List.of("0", "0.0", "0.00", "1", "5", "10", "50", "85.5", "99.99", "100", "100.0", "100.00",
                "120", "150.5", "1000", "0.01", "33.333", "7E+1", "1E+3", "-5", "-0.5")) {
            same(new BigDecimal(p), hundred);
        }
        for (int m = 1; m <= 12; m++) {
            same(BigDecimal.valueOf(m), BigDecimal.valueOf(12));
        }
        String[][] pairs = {{"13", "13"}, {"0", "17"}, {"16513", "16513"}, {"1", "3"}, {"2", "3"}, {"7", "3"},
            {"1", "7"}, {"10", "4"}, {"96", "185.0"}, {"185.0", "96"}, {"3.5", "0.5"}, {"100", "0.5"},
            {"1", "1024"}, {"1", "390625"}, {"3", "1280"}, {"999999999999999999", "1"}, {"1", "99999999999999997"},
            {"123456789012345678", "2"}, {"99999999999999999", "1048576"}, {"12345678901234567", "8388608"},
            {"1E+5", "3"}, {"2E+3", "8"}, {"5", "2E+2"}, {"0.000001", "64"}, {"4.3", "4.30"}, {"-7", "8"},
            {"-1", "3"}, {"123.4567", "0.0001"}, {"1", "1E-40"}, {"1E-40", "1"}, {"1E+40", "16"}};
        for (String[] p : pairs) {
            same(new BigDecimal(p[0]), new BigDecimal(p[1]));
        }
    }

    @Test
    void randomOperandsOfEverySize() {
        SplittableRandom r = new SplittableRandom(24);
        List<BigDecimal[]> pairs = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            BigDecimal y = number(r, false);
            BigDecimal x = switch (r.nextInt(4)) {
                case 0 -> y; // 100 %
                case 1 -> y.multiply(number(r, false)); // a whole multiple or a terminating fraction of it
                case 2 -> y.divide(BigDecimal.valueOf(1L << r.nextInt(12)).multiply(BigDecimal.valueOf(5).pow(
                        r.nextInt(6))));
                default -> number(r, true);
            };
            pairs.add(new BigDecimal[] {x, y});
        }
        int exact = 0;
        for (BigDecimal[] p : pairs) {
            same(p[0], p[1]);
            exact += Quotient.exact(p[0], p[1]) != null ? 1 : 0;
        }
        assertThat(exact).as("the quick way is taken often").isGreaterThan(7_000);
    }

    /** A positive divisor, or any dividend: up to 20 digits, scales from -3 to 8. */
    private static BigDecimal number(SplittableRandom r, boolean signed) {
        int digits = 1 + r.nextInt(r.nextInt(4) == 0 ? 20 : 8);
        BigInteger u = new BigInteger(digits * 4, new java.util.Random(r.nextLong())).add(BigInteger.ONE);
        if (signed && r.nextInt(10) == 0) {
            u = u.negate();
        }
        if (signed && r.nextInt(20) == 0) {
            u = BigInteger.ZERO;
        }
        return new BigDecimal(u, r.nextInt(12) - 3);
    }
}
