package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/** Issue 24: the chart drawn in bands of rows is the same picture as drawn whole, as a PNG that readers open. */
class StripPngTest {

    @Test
    void theBandsMakeTheSamePixelsAsOneWholeImage() throws Exception {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (int i = 0; i < 30; i++) {
            d.addValue((i * 37) % 150, "完成率", "指标" + i);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "完成全年任务的百分比（%）", d,
                PlotOrientation.HORIZONTAL, false, false, false);
        chart.setAntiAlias(true);
        // Not a multiple of the band: the last band is short.
        int width = 600;
        int height = StripPng.BAND * 2 + 77;
        BufferedImage whole = chart.createBufferedImage(width, height, 300, 300.0 * height / width, null);
        byte[] png = StripPng.write(chart, width, height, 300, 300.0 * height / width);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(read.getWidth()).isEqualTo(width);
        assertThat(read.getHeight()).isEqualTo(height);
        long differing = 0;
        long coloured = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = whole.getRGB(x, y) & 0xFFFFFF;
                differing += a == (read.getRGB(x, y) & 0xFFFFFF) ? 0 : 1;
                coloured += a == 0xFFFFFF ? 0 : 1;
            }
        }
        assertThat(coloured).as("something was drawn").isGreaterThan(width * 10L);
        assertThat(differing).isZero();
    }
}
