package bulletin.document;

import bulletin.model.Snapshot;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 突出问题's words for what was left out, as an office writes them (issue 23, point 7): "新市街道误报5月报表",
 * "大荆镇报送了两份不同的报表", "职业技能培训填为“约40”". The checks' messages are for the clerk at the terminal; the
 * paper gets one plain clause per fact, with no problem code, no cell, no path and no quotation inside a quotation.
 */
final class Rejected {

    private static final Pattern OTHER_MONTH = Pattern.compile("(\\d{1,2})月的填报表");
    private static final Pattern OTHERS_FORM = Pattern.compile("填报单位却是([^：:，,（(]+)");
    private static final Pattern LAST = Pattern.compile("上月为\\s*([\\d.]+)");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("^“(.*)”不是数字");
    private static final Pattern OVER = Pattern.compile("^(形象进度|完成率|.{0,8})超过\\s*(\\d+)（([^）]+)）");
    private static final Pattern DECREASE = Pattern.compile("本月\\s*([\\d.]+)[^，]*，上月\\s*([\\d.]+)");

    private Rejected() {
    }

    /** The clause for a workbook left out whole. */
    static String whole(Snapshot.Excluded e, String fileName, int month) {
        String who = e.unit() != null ? e.unit() : "报表文件“" + plain(fileName) + "”";
        String problem = e.problem() == null ? "" : e.problem();
        Matcher m = OTHER_MONTH.matcher(e.message());
        if (problem.equals("form-mismatch") && m.find() && Integer.parseInt(m.group(1)) != month) {
            return who + "误报" + Integer.parseInt(m.group(1)) + "月报表";
        }
        Matcher others = OTHERS_FORM.matcher(e.message());
        if (problem.equals("sender-mismatch") && others.find()) { // a neighbour's form sent under its own name
            return who + "报送的是" + plain(others.group(1)) + "的填报表";
        }
        if (problem.equals("unique-error")) {
            return who + "报送了两份不同的报表";
        }
        if (problem.equals("form-mismatch")) {
            return who + "报送的报表不是本月的填报表";
        }
        return e.unit() != null ? who + "报送的" + month + "月报表有误" : who + "有误";
    }

    /** The clause for one figure left out, on the indicator of short name {@code name}. */
    static String figure(Snapshot.Excluded e, String name) {
        String msg = e.message() == null ? "" : e.message();
        Matcher m = NOT_A_NUMBER.matcher(msg);
        if (m.find()) {
            String value = plain(m.group(1));
            return name + "填为" + (value.length() <= 12 ? "“" + value + "”" : "文字") + "，不是数字";
        }
        m = OVER.matcher(msg);
        if (m.find()) {
            String pct = m.group(1).equals("形象进度") || m.group(1).equals("完成率") ? "%" : "";
            return name + m.group(1) + "填为" + m.group(3) + pct + "，超过" + m.group(2) + pct;
        }
        if ("missing-figure".equals(e.problem())) { // a blank where last month had a figure
            Matcher last = LAST.matcher(msg);
            return name + "未填" + (last.find() ? "（上月为" + last.group(1) + "）" : "");
        }
        m = DECREASE.matcher(msg);
        if (m.find()) {
            return name + "累计数填为" + m.group(1) + "，少于上月的" + m.group(2);
        }
        return name + "数据有误";
    }

    /** A unit's words as they can be quoted once: without quotation marks of their own. */
    private static String plain(String s) {
        return s.replaceAll("[“”\"「」『』]", "").strip();
    }
}
