package bulletin.diag;

import static bulletin.diag.Severity.ERROR;
import static bulletin.diag.Severity.WARNING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of problem codes: every code a {@link Problem} may carry is declared here once, with its severity
 * and a one-line meaning in Chinese. The problem-code table of {@code docs/reference.md} is generated from this
 * list, and {@code ProblemCodesTest} fails when the main sources make a code that is not declared here, or make it
 * with another severity.
 *
 * <p>To add a code: add one line to {@link #ALL}, in the group it belongs to (the order is the table's order),
 * then regenerate the docs ({@code mvn -B test -Dtest=ReferenceDocTest -Dbulletin.writeDocs=true}).
 */
public final class ProblemCodes {

    /** One declared code. */
    public record Code(String code, Severity severity, String meaning) {
    }

    /** Every problem code, grouped by what it is about: a returned form, the month, the tables, notes, platform. */
    public static final List<Code> ALL = List.of(
            // A returned form (填报表), one workbook at a time: its figures.
            code("type-error", ERROR, "数字栏填了文字（“约300”“正在推进”）或日期"),
            code("number-as-text", WARNING, "数字以文字形式填写（千分位、全角数字、多余空格），已按数字读取"),
            code("percent-form", WARNING, "形象进度填成小数（0.625），可能是 62.5%"),
            code("constraint-error", ERROR, "负数、形象进度超过 100，或大得不像真实数据的数字"),
            code("cumulative-decrease", ERROR, "累计数比上月少，不论大小（累计数只增不减；比率除外）"),
            code("outlier", WARNING, "累计完成超过全年目标的两倍"),
            code("formula-error", ERROR, "公式出错，或公式没有保存计算结果（本工具不计算公式）；填报表和指标表都查"),
            code("hidden-value", WARNING, "隐藏的行、列或工作表中有数字"),
            code("unexpected-value", WARNING, "在不该填数的地方填了数（该单位无目标，或填在了另一列）"),
            // A returned form: whose, which month, which version, its rows and columns.
            code("form-mismatch", ERROR, "别的单位、别的月份或别的版本的填报表；填报单位不在指标表中"),
            code("reporter-normalised", WARNING, "填报单位去掉不可见字符、空格或“办事处”等后缀后才对上，已按该单位读取"),
            code("form-version", WARNING, "不是用 template 生成的填报表（没有隐藏的表单信息），按表头读取"),
            code("form-outdated", WARNING, "填报表生成后指标表改过（目标、类型或指标有变），请核对或重新生成"),
            code("locked-changed", ERROR, "锁定的全年目标被改动"),
            code("unknown-indicator", ERROR, "指标编码不在指标表中"),
            code("missing-indicator", ERROR, "填报表中缺少某个指标的行（行被删除）"),
            code("unique-error", ERROR, "同一指标出现两次，或同一单位有两份报表"),
            code("ambiguous-sheet", ERROR, "工作簿中有两张以上像填报表的工作表（如保留的“4月底稿”），无法确定读哪一张，整份不读取"),
            code("ambiguous-column", ERROR, "表头中有两列以上含“累计完成”或“形象进度”（如插入的“上月累计完成”），无法确定读哪一列"),
            code("merged-input", ERROR, "填报单元格在合并区域内，区域内各行都不采用"),
            code("wrong-column", ERROR, "数字填在本类指标不用的列，应填的列为空"),
            code("damaged-cell", ERROR, "单元格的内容无法读出（文件中它指向的文字不存在）"),
            code("missing-column", ERROR, "表头中没有“累计完成”或“形象进度”列"),
            code("unreadable-workbook", ERROR, "文件无法作为工作簿读取（损坏、加密、.xls、过大等，附原因）"),
            code("no-form-sheet", ERROR, "工作簿中找不到填报表（没有含指标编码和累计完成的表头）"),
            code("unknown-reporter", ERROR, "隐藏信息、“填报单位”行和文件名都没有说明是哪个单位的报表"),
            // The month's folder as a whole.
            code("missing-figure", ERROR, "上月有数字的累计完成或形象进度本月空着（附上月的数字）；1月或上月也空着的不算"),
            code("sender-mismatch", ERROR, "文件名是一个单位，表中的填报单位却是另一个（错发了别的单位的表）：两个单位都写明，不算表主的第二份报表"),
            code("published-decrease", ERROR, "最后一道关：即将发布的累计数（单位的、牵头单位的或全市合计）低于上月公布的数，什么也不写"),
            code("late-date", WARNING, "专报日期（未给 --date）比截至日期晚一个多月：写明所用的日期，建议加 --date"),
            code("missing-unit", WARNING, "本月还没有收到这些单位（或牵头单位）的报表"),
            code("no-workbook", ERROR, "本月文件夹中没有可读的报表"),
            code("not-a-workbook", WARNING, "文件夹中不是工作簿的文件（视频、.docx、.pdf 等），未读取"),
            code("unreadable-folder", ERROR, "文件夹无法读取"),
            // The notice's tables in targets/ (validate --targets, and every command that reads them).
            code("no-target-table", ERROR, "targets/ 中找不到指标任务分解表"),
            code("merged-target", ERROR, "目标单元格合并了几个（而非全部）单位的列，分不出各单位的目标"),
            code("total-mismatch", ERROR, "全市目标不等于各单位目标之和"),
            code("headline-mismatch", WARNING, "指标名称中的数字与各单位目标之和或责任分解表不一致"),
            code("unit-mismatch", ERROR, "几张指标表的填报单位不同"),
            code("duplicate-unit", ERROR, "表头中同一填报单位出现两次"),
            code("responsibility-column", WARNING, "单位列中有“责任单位/牵头单位/配合单位”列：不是填报单位，按各行的牵头单位读取"),
            code("no-units", ERROR, "“单位”列之后找不到填报单位的列"),
            code("bad-item-number", ERROR, "序号不是项目编号"),
            code("missing-item-number", ERROR, "第一行指标没有序号（项目编号）"),
            code("missing-name", ERROR, "一行有目标但没有指标名称"),
            code("no-year", WARNING, "表题中没有年份，按今年处理"),
            code("no-level-note", WARNING, "表尾注释没有说明某些项目是省级还是市级，暂按市级处理"),
            code("unreadable-note", WARNING, "表尾注释中读不出哪些项目是省级、哪些是市级"),
            code("no-responsibility-table", WARNING, "找不到责任分解表，牵头领导和牵头单位为空"),
            code("unjoined-indicator", WARNING, "指标在责任分解表中找不到对应的行，牵头单位未知"),
            code("unused-responsibility", WARNING, "责任分解表中的一行没有对应到任何指标"),
            code("unknown-column", WARNING, "责任分解表中不认识的列（如完成时限），未读取"),
            // The clerk's notes, notes/YYYY-MM.md.
            code("unknown-section", WARNING, "标题不是专报的栏目，这一节不会放进专报"),
            code("text-before-heading", WARNING, "文字前面没有栏目标题，不会放进专报"),
            // The provincial platform's upload counts, platform/YYYY-MM.xlsx.
            code("platform-no-table", ERROR, "找不到平台信息上传情况表"),
            code("platform-no-name", ERROR, "平台表中一行有上传条数但没有单位名称"),
            code("platform-duplicate-module", ERROR, "平台表表头中同一模块出现两次"),
            code("platform-count", ERROR, "上传条数不是 0 或正整数"),
            code("platform-total-mismatch", ERROR, "总数或合计不等于各项之和"),
            code("platform-missing-unit", ERROR, "平台表中缺少某个单位"),
            code("platform-duplicate-unit", ERROR, "平台表中同一单位出现两次"),
            code("platform-month", ERROR, "平台表的表题不是本月的"),
            code("platform-unknown-unit", WARNING, "平台表中的名称不是指标表中的单位或部门"));

    private static final Map<String, Code> BY_CODE = index();

    private ProblemCodes() {
    }

    private static Code code(String code, Severity severity, String meaning) {
        return new Code(code, severity, meaning);
    }

    private static Map<String, Code> index() {
        Map<String, Code> m = new LinkedHashMap<>();
        for (Code c : ALL) {
            if (m.put(c.code(), c) != null) {
                throw new IllegalStateException("problem code declared twice: " + c.code());
            }
        }
        return m;
    }

    /** The declared code, or empty when {@code code} is not declared. */
    public static Optional<Code> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
