package bulletin.validate;

import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.text.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks on the official tables themselves: a 全市 figure that is not the sum of the units', a headline figure in
 * a name that the units' targets do not add up to (seed 000: "共80座" against 90; "1650万人次").
 */
public final class TargetChecks {

    /** Names that state a minimum ("不少于11个"): the units may add up to more. */
    private static final java.util.regex.Pattern MINIMUM = java.util.regex.Pattern.compile("不少于|不低于|以上|至少");

    private TargetChecks() {
    }

    /** A figure as a name writes it: 16500000 as "1650万". */
    static String written(BigDecimal v) {
        if (v.compareTo(BigDecimal.valueOf(100000)) >= 0 && v.remainder(BigDecimal.valueOf(10000)).signum() == 0) {
            return Numbers.format(v.movePointLeft(4)) + "万";
        }
        return Numbers.format(v);
    }

    /**
     * What the clerk can set: where two or more units hold the name's figure, each must reach it ({additive:
     * false}, the city's completion their mean); a target alone would hold their sum against one unit's figure.
     */
    private static String advice(Indicator i) {
        long same = i.targets().values().stream().filter(v -> v.compareTo(i.headline()) == 0).count();
        if (same >= 2) {
            return "如名称中的数是每个单位都要达到的数，在 bulletin.yaml 中设置 indicators: \"" + i.code()
                    + "\": {additive: false}，全市按各单位完成比例的平均计算";
        }
        return "如以名称或专报为准，在 bulletin.yaml 中设置 indicators: \"" + i.code() + "\": {target: …}";
    }

    public static List<Problem> check(IndicatorModel model) {
        List<Problem> out = new ArrayList<>(model.problems());
        for (Indicator i : model.indicators()) {
            if (i.targets().isEmpty() || !i.kind().cumulative() || i.perUnit() || i.targetSet()) {
                // A figure each unit must reach is not a sum; a target set in bulletin.yaml is the clerk's answer.
                continue;
            }
            BigDecimal sum = i.targets().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (i.totalTarget() != null && i.totalTarget().compareTo(sum) != 0) {
                Place at = Place.parse(i.source());
                out.add(new Problem(bulletin.diag.Severity.ERROR, "total-mismatch", at.file(), at.sheet(), at.cell(),
                        "指标 " + i.code() + "（" + i.name() + "）的全市目标 " + Numbers.format(i.totalTarget())
                                + " 不等于各单位目标之和 " + Numbers.format(sum),
                        Numbers.format(i.totalTarget()), Numbers.format(sum)));
            }
            boolean atLeast = MINIMUM.matcher(i.name()).find();
            if (i.headline() != null && (atLeast ? sum.compareTo(i.headline()) < 0 : i.headline().compareTo(sum) != 0)) {
                Place at = Place.parse(i.source());
                out.add(new Problem(bulletin.diag.Severity.WARNING, "headline-mismatch", at.file(), at.sheet(), at.cell(),
                        "指标 " + i.code() + " 的名称写的是 " + written(i.headline()) + i.measure()
                                + "，各单位目标之和却是 " + Numbers.format(sum) + i.measure() + "（按 "
                                + Numbers.format(sum) + " 计算；" + advice(i) + "）" + (i.note() == null ? "" : "；请看备注“" + i.note() + "”"),
                        Numbers.format(sum), Numbers.format(i.headline())));
            }
        }
        return out;
    }
}
