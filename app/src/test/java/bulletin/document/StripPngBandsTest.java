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

/** The chart is drawn whole where the heap allows it, in bands where it is small, to the same PNG either way. */
class StripPngBandsTest {

    @Test
    void wholeInARoomyHeapInBandsInASmallOne() {
        assertThat(StripPng.rows(1843, 2500, 6L << 30)).isEqualTo(2500);
        assertThat(StripPng.rows(1843, 2500, 147L << 20)).isEqualTo(2500);
        assertThat(StripPng.rows(1843, 2500, 128L << 20)).isEqualTo(StripPng.BAND);
        assertThat(StripPng.rows(1843, 2500, 64L << 20)).isEqualTo(StripPng.BAND);
        assertThat(StripPng.rows(1843, 900, 64L << 20)).as("6.6 MiB of 64").isEqualTo(900);
        assertThat(StripPng.rows(1843, 900, 48L << 20)).as("6.6 MiB of 48").isEqualTo(StripPng.BAND);
    }

    @Test
    void theSamePngWholeOrInBands() throws Exception {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (int i = 0; i < 12; i++) {
            d.addValue((i * 37) % 150, "完成率", "指标" + i);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "完成全年任务的百分比（%）", d,
                PlotOrientation.HORIZONTAL, false, false, false);
        chart.setAntiAlias(true);
        int width = 300;
        int height = StripPng.BAND + 101; // the second band short
        byte[] whole = StripPng.write(chart, width, height, 150, 150.0 * height / width, height);
        byte[] banded = StripPng.write(chart, width, height, 150, 150.0 * height / width, StripPng.BAND);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(whole));
        assertThat(read.getHeight()).isEqualTo(height);
        assertThat(read.getRGB(width / 2, height / 2) & 0xFFFFFF).as("something drawn").isNotEqualTo(0);
        assertThat(banded).isEqualTo(whole);
    }
}
