package bulletin.document;

import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot;
import bulletin.model.Status;
import bulletin.text.Format;
import bulletin.text.Text;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The picture in 工作进展: each scored indicator's city completion as a bar, against the 序时进度 line; bars
 * behind schedule in red. Rendered at 300 dpi for print, with a Chinese font from the system.
 */
public final class Chart {

    /** Text a font must draw for the chart to be legible. */
    static final String PROBE = "汨罗市归义街道职业技能培训序时进度";
    static final int DPI = 300;

    private Chart() {
    }

    /** A font family of this machine that draws Chinese, or empty (the chart is then left out, with a warning). */
    public static Optional<String> chineseFont() {
        if (GraphicsEnvironment.isHeadless() && System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        String[] preferred = {"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑", "SimHei", "黑体",
            "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans SC", "SimSun", "宋体"};
        List<String> families = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String p : preferred) {
            if (families.contains(p) && new Font(p, Font.PLAIN, 12).canDisplayUpTo(PROBE) < 0) {
                return Optional.of(p);
            }
        }
        for (String fam : families) {
            if (new Font(fam, Font.PLAIN, 12).canDisplayUpTo(PROBE) < 0) {
                return Optional.of(fam);
            }
        }
        return Optional.empty();
    }

    /** The chart as a PNG of {@code widthMm} millimetres at 300 dpi, or empty when there is nothing to draw. */
    public static Optional<byte[]> render(Snapshot s, String fontFamily, double widthMm) {
        List<SnapshotIndicator> scored = new ArrayList<>();
        for (SnapshotIndicator i : s.indicators()) {
            if (i.total().progress() != null && i.total().status() != Status.NOT_SCORED) {
                scored.add(i);
            }
        }
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Boolean> behind = new ArrayList<>();
        for (SnapshotIndicator i : scored) {
            double pct = Math.min(i.total().progress().doubleValue() * 100, 150);
            data.addValue(pct, "完成率", label(i));
            behind.add(i.total().status() == Status.BEHIND);
        }
        JFreeChart chart = new JFreeChart(null, new Font(fontFamily, Font.PLAIN, 11), plot(data, behind, s, fontFamily),
                false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        // Drawn in points, written at 300 dpi.
        double widthPt = widthMm / 25.4 * 72;
        double heightPt = Math.max(160, scored.size() * 12 + 60);
        double scale = DPI / 72.0;
        BufferedImage img = chart.createBufferedImage((int) Math.round(widthPt * scale),
                (int) Math.round(heightPt * scale), widthPt, heightPt, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }

    private static String label(SnapshotIndicator i) {
        String n = Text.xmlSafe(i.name()).replaceAll("[（(].*?[）)]", "").replaceAll("\\s+", " ");
        return i.code() + " " + (n.length() > 14 ? n.substring(0, 13) + "…" : n);
    }

    private static CategoryPlot plot(DefaultCategoryDataset data, List<Boolean> behind, Snapshot s, String font) {
        CategoryAxis cat = new CategoryAxis();
        cat.setTickLabelFont(new Font(font, Font.PLAIN, 8));
        cat.setCategoryMargin(0.25);
        NumberAxis value = new NumberAxis("完成全年任务的百分比（%）");
        value.setLabelFont(new Font(font, Font.PLAIN, 9));
        value.setTickLabelFont(new Font(font, Font.PLAIN, 8));
        value.setRange(0, 150);
        BarRenderer bars = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return behind.get(column) ? new Color(0xC0, 0x30, 0x30) : new Color(0x3A, 0x6E, 0xA5);
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.8);
        CategoryPlot plot = new CategoryPlot(data, cat, value, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setOutlineVisible(false);
        double schedule = s.schedule().doubleValue() * 100;
        ValueMarker line = new ValueMarker(schedule, new Color(0xD0, 0x00, 0x00), new BasicStroke(1.2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
        line.setLabel("序时进度 " + Format.percent(s.schedule()));
        line.setLabelFont(new Font(font, Font.PLAIN, 9));
        line.setLabelPaint(new Color(0xD0, 0x00, 0x00));
        line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(line);
        ValueMarker full = new ValueMarker(100, Color.GRAY, new BasicStroke(0.8f));
        plot.addRangeMarker(full);
        return plot;
    }
}
