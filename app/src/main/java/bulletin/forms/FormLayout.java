package bulletin.forms;

/**
 * The monthly form's visible layout, shared by the writer ({@code template}) and the tests. The progress reader
 * does not depend on it: it finds columns by their header words, so a form whose columns were moved still reads.
 * The hidden sheet, which the reader does depend on, is {@link bulletin.model.FormContract}'s.
 */
public final class FormLayout {

    public static final String DATA_SHEET = "进度填报";

    /** 0-based row of the column headers; data rows follow. */
    public static final int HEADER_ROW = 3;

    public static final int COL_CODE = 0;
    public static final int COL_ITEM = 1;
    public static final int COL_NAME = 2;
    public static final int COL_MEASURE = 3;
    public static final int COL_TARGET = 4;
    public static final int COL_DONE = 5;
    public static final int COL_PERCENT = 6;
    public static final int COL_NOTE = 7;
    public static final int COL_PROBLEM = 8;
    /** Helper column (locked): the figure last month's bulletin published for this unit and indicator. */
    public static final int COL_LAST = 9;
    /** Helper column (locked): the row's self-check, a formula showing what the tool will think of the row. */
    public static final int COL_CHECK = 10;
    /** The last column of the form. */
    public static final int COL_END = COL_CHECK;

    /** 0-based row and column of the cell counting the rows still to check ("本表还有 2 处需要核对"). */
    public static final int COUNT_ROW = 1;
    public static final int COUNT_COL = 7;

    /** What the 自查 column shows on a row with nothing to check. */
    public static final String CHECK_OK = "✓";
    /** What the 自查 column shows on a row the unit does not fill (grey rows). */
    public static final String CHECK_NONE = "—";

    public static final String[] HEADERS = {
        "编码", "项目", "指标", "单位", "全年目标", "累计完成", "形象进度（%）", "进展情况", "存在问题",
        bulletin.model.FormContract.HEADER_LAST, bulletin.model.FormContract.HEADER_CHECK};

    private FormLayout() {
    }
}
