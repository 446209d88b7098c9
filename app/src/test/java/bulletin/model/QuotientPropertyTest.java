package bulletin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Quotient#of} against {@code x.divide(y, Quotient.MC)} at the edges of its quick way: unscaled values at
 * the 17-digit bound and at Long's, scales at its ±1000 bound and at Integer's, divisors of only 2s and 5s (the
 * terminating quotients), dividends made to divide exactly with 19-digit results (the overflow check), zero and
 * negative dividends, quotients needing rounding at 34 digits. The value, the scale and any exception the same.
 */
class QuotientPropertyTest {

    private static String jdk(BigDecimal x, BigDecimal y) {
        try {
            BigDecimal q = x.divide(y, Quotient.MC);
            return q.unscaledValue() + "E" + q.scale();
        } catch (ArithmeticException e) {
            return "throws " + e.getClass().getSimpleName();
        }
    }

    private static String ours(BigDecimal x, BigDecimal y) {
        try {
            BigDecimal q = Quotient.of(x, y);
            return q.unscaledValue() + "E" + q.scale();
        } catch (ArithmeticException e) {
            return "throws " + e.getClass().getSimpleName();
        }
    }

    private static int same(BigDecimal x, BigDecimal y) {
        assertThat(ours(x, y)).as("%s / %s (unscaled %s scale %d / unscaled %s scale %d)", x, y, x.unscaledValue(),
                x.scale(), y.unscaledValue(), y.scale()).isEqualTo(jdk(x, y));
        return y.signum() != 0 && Quotient.exact(x, y) != null ? 1 : 0;
    }

    /** Unscaled values that sit on the quick way's bounds and beyond them. */
    private static final List<Long> EDGES = edges();

    private static List<Long> edges() {
        List<Long> out = new ArrayList<>(List.of(0L, 1L, 2L, 3L, 5L, 7L, 10L, 99_999_999_999_999_999L,
                100_000_000_000_000_000L, 99_999_999_999_999_998L, 10_000_000_000_000_000L, 9_999_999_999_999_999L,
                Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 1L << 56, 1L << 62, 3L << 55,
                7_450_580_596_923_828_125L, 59_604_644_775_390_625L, 1_490_116_119_384_765_625L,
                36_028_797_018_963_968L, 72_057_594_037_927_936L, 18_014_398_509_481_984L));
        long p5 = 1;
        for (int j = 0; j <= 27; j++) {
            out.add(p5);
            out.add(p5 * 3);
            p5 *= 5;
        }
        return out;
    }

    private static final int[] SCALES = {0, 1, -1, 2, -2, 17, -17, 34, -34, 999, 1000, 1001, -999, -1000, -1001,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 40, Integer.MIN_VALUE + 40, 1_000_000_000,
        -1_000_000_000};

    @Test
    void theQuickWaysBoundsEveryPairOfEdges() {
        SplittableRandom r = new SplittableRandom(1207);
        for (int n = 0; n < 20_000; n++) {
            long a = EDGES.get(r.nextInt(EDGES.size())) * (r.nextBoolean() ? 1 : -1);
            long b = EDGES.get(r.nextInt(EDGES.size())) * (r.nextInt(8) == 0 ? -1 : 1);
            BigDecimal x = BigDecimal.valueOf(a, SCALES[r.nextInt(SCALES.length)]);
            BigDecimal y = BigDecimal.valueOf(b, SCALES[r.nextInt(SCALES.length)]);
            if (b == 0) {
                continue;
            }
            same(x, y);
        }
    }

    @Test
    void terminatingQuotientsOfDivisorsOfTwosAndFives() {
        SplittableRandom r = new SplittableRandom(20261207);
        int quick = 0;
        int n = 0;
        for (; n < 30_000; n++) {
            int p = r.nextInt(57);
            int q = r.nextInt(25);
            BigInteger b = BigInteger.TWO.pow(p).multiply(BigInteger.valueOf(5).pow(q));
            if (r.nextInt(3) == 0) {
                b = b.multiply(BigInteger.valueOf(r.nextLong(1, 1000)));
            }
            BigInteger a = switch (r.nextInt(5)) {
                case 0 -> BigInteger.ZERO;
                case 1 -> b.multiply(BigInteger.valueOf(r.nextLong(-1000, 1000)));
                case 2 -> BigInteger.valueOf(r.nextLong());
                case 3 -> BigInteger.valueOf(r.nextLong(-99_999_999_999_999_999L, 99_999_999_999_999_999L));
                default -> BigInteger.valueOf(r.nextLong(-1_000_000, 1_000_000));
            };
            int sa = r.nextInt(8) == 0 ? SCALES[r.nextInt(SCALES.length)] : r.nextInt(-40, 40);
            int sb = r.nextInt(8) == 0 ? SCALES[r.nextInt(SCALES.length)] : r.nextInt(-40, 40);
            quick += same(new BigDecimal(a, sa), new BigDecimal(b, sb));
        }
        assertThat(quick).as("the quick way is taken, of %d", n).isGreaterThan(4_000);
    }

    @Test
    void quotientsThatRoundAtThirtyFourDigitsAndTheEnginesOwn() {
        SplittableRandom r = new SplittableRandom(34);
        for (int n = 0; n < 5_000; n++) {
            // 1/3-like quotients with digits to spare, and ones whose 35th digit is a 5 (half up)
            BigDecimal y = BigDecimal.valueOf(r.nextLong(1, 1L << 40), r.nextInt(-5, 10));
            BigDecimal x = BigDecimal.valueOf(r.nextLong(), r.nextInt(-5, 20));
            same(x, y);
            same(new BigDecimal("1E-34").multiply(y).add(y.multiply(BigDecimal.valueOf(r.nextLong(1, 1000)))), y);
            same(y.multiply(new BigDecimal("1.000000000000000000000000000000000005")), y);
        }
        for (int m = 0; m <= 12; m++) {
            for (String t : List.of("12", "12.0", "1.2E+1", "100", "1E+2", "100.00", "3", "7", "0.5", "0.25")) {
                same(BigDecimal.valueOf(m), new BigDecimal(t));
                same(new BigDecimal(m + ".50"), new BigDecimal(t));
                same(new BigDecimal("-" + m + "E+3"), new BigDecimal(t));
            }
        }
    }
}
