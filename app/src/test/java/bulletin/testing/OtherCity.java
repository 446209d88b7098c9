package bulletin.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables of a city that is not Miluo, laid out differently: 13 units and no 全市 column, a 备注 column, three
 * levels of names, text targets merged across the units, some numbers typed as text, and a responsibility
 * table with a 责任人 column, both tables as two sheets of one workbook (responsibility table first).
 */
public final class OtherCity {

    public static final List<String> UNITS = List.of("岳阳楼区", "云溪区", "君山区", "岳阳县", "华容县", "湘阴县", "平江县",
            "岳阳经开区", "屈原管理区", "南湖新区", "汨罗市", "临湘市", "城陵矶新港区");

    private OtherCity() {
    }

    static List<Object> n(Object... v) {
        List<Object> out = new ArrayList<>();
        Collections.addAll(out, v);
        return out;
    }

    public static TargetSheet targets() {
        TargetSheet t = new TargetSheet("岳阳市2025年重点民生实事项目指标任务分解表", UNITS).noteColumn(true)
                .closingNote("注：第1至2项为省级重点民生实事项目，第3项为市级重点民生实事项目。");
        t.line(new TargetSheet.Line(1, "促进高质量充分就业", "统筹推进城乡就业", "新增城镇就业5.9万人", "人",
                n(16200, 4500, 2500, 6000, 5200, 5000, 6100, null, 1500, 1200, 6000, 4800, null), null, null,
                "含市本级"));
        t.line(new TargetSheet.Line(1, "促进高质量充分就业", "推动创业带动就业", "发放创业担保贷款6.85亿元", "万元",
                n("6000", "3500", "3000", "9500", "7000", "9500", "9500", "/", "2000", "3000", "9500", "6000", "/"),
                null, null, null));
        t.line(new TargetSheet.Line(1, "促进高质量充分就业", "推动创业带动就业", "建设培育大学生创业孵化基地", "个", null,
                "省级统筹，省人社厅牵头", null, null));
        t.line(new TargetSheet.Line(2, "提升居民健康水平", "提升基层医疗卫生服务能力", "培训乡村医生291人", "人",
                n(6, 7, 11, 34, 33, 44, 98, null, 5, null, 30, 23, null), null, null, null));
        t.line(new TargetSheet.Line(2, "提升居民健康水平", "建设县域医疗卫生次中心", "建设县域医疗卫生次中心1个", "个",
                n(null, null, 1, null, null, null, null, null, null, null, null, null, null), null, null, null));
        t.line(new TargetSheet.Line(3, null, null, "更新住宅老旧电梯82台", "台",
                n(7, null, null, null, null, null, null, null, null, null, 7, null, new BigDecimal("68")), null, null,
                null));
        return t;
    }

    public static ResponsibilitySheet responsibility() {
        ResponsibilitySheet r = new ResponsibilitySheet("岳阳市2025年重点民生实事项目责任分解表").personColumn(true);
        r.line(new ResponsibilitySheet.Line(1, "促进高质量充分就业", "城镇新增就业5.9万人", "张三", "市人社局",
                "市财政局，各县市区人民政府", "李四"));
        r.line(new ResponsibilitySheet.Line(1, "促进高质量充分就业", "发放创业担保贷款6.85亿元（含孵化基地建设）", "^",
                "^", "市财政局、人民银行岳阳市分行", "王五"));
        r.line(new ResponsibilitySheet.Line(2, "提升居民健康水平", "乡村医生培训291人", "赵六", "市卫健委", "市财政局",
                "钱七"));
        r.line(new ResponsibilitySheet.Line(2, "提升居民健康水平", "县域医疗卫生次中心建设", "^", "^", "市发改委、市财政局",
                "孙八"));
        r.line(new ResponsibilitySheet.Line(3, "更新住宅老旧电梯82台", null, "周九", "市住建局", "市市场监管局", "吴十"));
        return r;
    }

    /** Both tables as two sheets of one workbook in {@code dir/targets/}. */
    public static Path write(Path dir) throws IOException {
        Path file = dir.resolve("targets").resolve("岳阳市民生实事任务表.xlsx");
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            responsibility().writeTo(wb, "责任分解");
            targets().writeTo(wb, "任务分解");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
