package bulletin.document;

import bulletin.model.Level;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot;
import bulletin.model.Status;
import bulletin.text.Format;
import bulletin.text.ShortName;
import bulletin.text.Text;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The picture in 工作进展: each scored indicator's city completion as a bar, labelled as the text numbers it
 * ("5(1)"), provincial and city-level indicators in two panels on one scale; the month's 序时进度 (m/12) as a
 * dashed line, a tick on the bar of an indicator judged against a schedule of its own; bars behind their
 * schedule in red. Rendered at 300 dpi for print, with a Chinese font from the system.
 */
public final class Chart {

    /** Text a font must draw for the chart to be legible. */
    static final String PROBE = "汨罗市归义街道职业技能培训序时进度";
    static final int DPI = 300;
    /** The scale's end: a bar past 150% is drawn to it. */
    static final double MAX = 150;

    private static final Color BEHIND = new Color(0xC0, 0x30, 0x30);
    private static final Color ON_SCHEDULE = new Color(0x3A, 0x6E, 0xA5);
    private static final Color MARK = new Color(0xD0, 0x00, 0x00);

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

    /**
     * One bar: an indicator as the text numbers it ({@code label}), its city completion in percent (capped at 150
     * for the drawing), the 序时进度 it is judged against, whether that is its own (a schedule in bulletin.yaml,
     * marked by a tick on its bar) rather than the month's m/12, and whether it is behind.
     */
    public record Bar(Level level, String label, double percent, double schedule, boolean own, boolean behind) {
    }

    /**
     * How the text numbers each indicator, by code: the items of each level counted from 1 in the order of the
     * snapshot, an item's indicators as "5(1)", "5(2)", an item that is its own only indicator as "5" (as
     * {@code templates/bulletin.ftl} numbers them: {@code item?index + 1} and {@code （i?index + 1）}).
     */
    public static Map<String, String> numbers(Snapshot s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            Map<Integer, List<SnapshotIndicator>> items = new LinkedHashMap<>();
            for (SnapshotIndicator i : s.indicators()) {
                // As the text numbers them: an indicator with nothing to say is left out of 工作进展 (Wording.shown).
                if (i.level() == level && Wording.shown(i)) {
                    items.computeIfAbsent(i.item(), k -> new ArrayList<>()).add(i);
                }
            }
            int n = 0;
            for (List<SnapshotIndicator> item : items.values()) {
                n++;
                boolean alone = item.size() == 1 && item.get(0).name().equals(item.get(0).itemName());
                for (int k = 0; k < item.size(); k++) {
                    out.put(item.get(k).code(), alone ? String.valueOf(n) : n + "(" + (k + 1) + ")");
                }
            }
        }
        return out;
    }

    /** The bars: every scored indicator, provincial first, in the order of the text. */
    public static List<Bar> bars(Snapshot s) {
        Map<String, String> numbers = numbers(s);
        List<Bar> out = new ArrayList<>();
        for (SnapshotIndicator i : s.indicators()) {
            if (i.total().progress() == null || i.total().status() == Status.NOT_SCORED) {
                continue;
            }
            BigDecimal schedule = i.schedule() != null ? i.schedule() : s.schedule();
            out.add(new Bar(i.level(), numbers.get(i.code()) + " " + shortName(i.name()),
                    Math.min(i.total().progress().doubleValue() * 100, MAX),
                    schedule.doubleValue() * 100, schedule.compareTo(s.schedule()) != 0,
                    i.total().status() == Status.BEHIND));
        }
        return out;
    }

    /** The chart as a PNG of {@code widthMm} millimetres at 300 dpi, or empty when there is nothing to draw. */
    public static Optional<byte[]> render(Snapshot s, String fontFamily, double widthMm) {
        List<Bar> bars = bars(s);
        if (bars.isEmpty()) {
            return Optional.empty();
        }
        NumberAxis value = new NumberAxis("完成全年任务的百分比（%）");
        value.setLabelFont(new Font(fontFamily, Font.PLAIN, 9));
        value.setTickLabelFont(new Font(fontFamily, Font.PLAIN, 8));
        value.setRange(0, MAX);
        CombinedRangeCategoryPlot plot = new CombinedRangeCategoryPlot(value);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(6);
        boolean first = true;
        for (Level level : Level.values()) {
            List<Bar> at = bars.stream().filter(b -> b.level() == level).toList();
            if (!at.isEmpty()) {
                plot.add(plot(at, level, s.schedule(), fontFamily, first), at.size());
                first = false;
            }
        }
        JFreeChart chart = new JFreeChart(null, new Font(fontFamily, Font.PLAIN, 11), plot, false);
        if (bars.stream().anyMatch(Bar::own)) {
            TextTitle note = new TextTitle("短竖线为该指标另定的序时进度", new Font(fontFamily, Font.PLAIN, 8));
            note.setPosition(RectangleEdge.BOTTOM);
            note.setPaint(MARK);
            chart.addSubtitle(note);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        double widthPt = widthPoints(widthMm);
        double heightPt = heightPoints(bars.size());
        // In bands of rows where the heap is small (StripPng): the whole picture at once is 18 MiB of pixels.
        return Optional.of(StripPng.write(chart, pixels(widthPt), pixels(heightPt), widthPt, heightPt));
    }

    // Drawn in points, written at 300 dpi: a row of about 10 points a bar, at most the height of a page.

    private static double widthPoints(double widthMm) {
        return widthMm / 25.4 * 72;
    }

    private static double heightPoints(int bars) {
        return Math.min(600, Math.max(160, bars * 10.2 + 70));
    }

    private static int pixels(double points) {
        return (int) Math.round(points * (DPI / 72.0));
    }

    /**
     * The PNG's size in pixels that {@link #render} will draw ({@code {width, height}}), known before it is drawn;
     * empty where there is nothing to draw.
     */
    public static Optional<int[]> size(Snapshot s, double widthMm) {
        int bars = bars(s).size();
        return bars == 0 ? Optional.empty()
                : Optional.of(new int[] {pixels(widthPoints(widthMm)), pixels(heightPoints(bars))});
    }

    /**
     * A chart still being drawn, of a size known now: the document places it by that size and takes its bytes only
     * as the package's picture is written, after {@code document.xml} (the chart is drawn on another core while
     * this one builds and writes the document).
     */
    public record Later(int width, int height, java.util.function.Supplier<byte[]> png)
            implements java.util.function.Supplier<byte[]> {

        @Override
        public byte[] get() {
            return png.get();
        }
    }

    /** The longest label, in characters, before it is cut. */
    static final int LABEL = 12;
    /** The width, in percent, a behind bar at 0% is drawn with: a red stub, so that every card has its bar. */
    static final double STUB = 2;

    /**
     * An indicator's name as a bar's label: its short name ({@link ShortName}), at most {@link #LABEL} characters,
     * cut where a word ends (after "、" or a closing quote, before an opening one, between two Chinese characters
     * outside quotation marks, two by two from the run's start), never inside a number or a quoted name.
     */
    static String shortName(String name) {
        String n = Text.xmlSafe(ShortName.of(name)).replaceAll("[（(][^）)]*[）)]", "");
        if (n.length() <= LABEL) {
            return n;
        }
        int best = -1;
        int strong = -1;
        boolean inQuote = false;
        int run = 0; // where the present run of Chinese characters began: its words are taken two by two
        for (int k = 1; k < n.length() && k <= LABEL - 1; k++) {
            char before = n.charAt(k - 1);
            char after = n.charAt(k);
            if (Character.UnicodeScript.of(before) != Character.UnicodeScript.HAN) {
                run = k;
            }
            if (before == '“') {
                inQuote = true;
            } else if (before == '”') {
                inQuote = false;
            }
            boolean han = Character.UnicodeScript.of(before) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(after) == Character.UnicodeScript.HAN;
            if (before == '、' || before == '”' || after == '“') {
                strong = k;
            }
            if (han && !inQuote && (k - run) % 2 == 0 || before == '、' || before == '”' || after == '“') {
                best = k;
            }
        }
        int cut = strong >= LABEL / 2 ? strong : best;
        return cut < 2 ? n.substring(0, LABEL - 1) + "…" : n.substring(0, cut).replaceAll("[、，]$", "") + "…";
    }

    /** The length a bar is drawn with: its percentage, and a behind bar at least a {@link #STUB}. */
    static double drawn(Bar b) {
        return b.behind() && b.percent() < STUB ? STUB : b.percent();
    }

    /** One level's bars, with the m/12 line, the 100% line and a tick where an indicator has its own schedule. */
    private static CategoryPlot plot(List<Bar> bars, Level level, BigDecimal schedule, String font, boolean top) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        DefaultCategoryDataset ticks = new DefaultCategoryDataset();
        for (Bar b : bars) {
            data.addValue(drawn(b), "完成率", b.label());
            ticks.addValue(b.own() ? b.schedule() : null, "序时进度", b.label());
        }
        CategoryAxis cat = new CategoryAxis(level.label());
        cat.setLabelFont(new Font(font, Font.PLAIN, 9));
        cat.setTickLabelFont(new Font(font, Font.PLAIN, 8));
        cat.setCategoryMargin(0.25);
        // The top panel leaves a row free above its first bar for the 序时进度 line's label.
        cat.setLowerMargin((top ? 1.5 : 0.5) / bars.size());
        cat.setUpperMargin(0.5 / bars.size());
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return bars.get(column).behind() ? BEHIND : ON_SCHEDULE;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.8);
        CategoryPlot plot = new CategoryPlot(data, cat, null, renderer);
        LineAndShapeRenderer tick = new LineAndShapeRenderer(false, true);
        tick.setSeriesShape(0, new Rectangle2D.Double(-0.9, -5.5, 1.8, 11));
        tick.setSeriesPaint(0, MARK);
        plot.setDataset(1, ticks);
        plot.setRenderer(1, tick);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setOutlineVisible(false);
        ValueMarker line = new ValueMarker(schedule.doubleValue() * 100, MARK, new BasicStroke(1.2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
        if (top) {
            line.setLabel("序时进度 " + Format.percent(schedule));
            line.setLabelFont(new Font(font, Font.PLAIN, 9));
            line.setLabelPaint(MARK);
            line.setLabelBackgroundColor(Color.WHITE);
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        plot.addRangeMarker(line);
        plot.addRangeMarker(new ValueMarker(100, Color.GRAY, new BasicStroke(0.8f)));
        return plot;
    }
}
