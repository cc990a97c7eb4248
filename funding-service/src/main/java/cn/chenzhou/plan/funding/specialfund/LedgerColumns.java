package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.specialfund.model.Ledger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of the exported ledger, the same in the spreadsheet and the CSV file: the line's facts, then the
 * movement it made, then the running balances after it. Headings carry the Chinese the finance section uses.
 */
final class LedgerColumns {
    static final List<String> HEADINGS = List.of(
            "行号 Line", "摘要 Entry", "日期 Effective date", "记录时间 Recorded at (UTC)", "经办人 Recorded by",
            "安排编号 Allocation", "拨付编号 Disbursement", "县市区代码 County code", "县市区 County",
            "用途 Purpose", "受益人 Beneficiary", "文号/凭证/理由 Reference",
            "预算变动 Budget change", "安排 Allocated", "拨付 Disbursed", "释放 Released", "收回 Clawed back",
            "预算 Budget", "已安排 Allocated to date", "已拨付 Disbursed to date", "已收回 Clawed back to date",
            "结余 Budget left");
    /** Index of the first amount column; every column from here on is an amount. */
    static final int FIRST_AMOUNT = 12;
    static final String TOTALS_LABEL = "合计 Totals";

    private LedgerColumns() {
    }

    /** The text cells of a line, in heading order up to {@link #FIRST_AMOUNT}. */
    static List<String> texts(Ledger.Line line) {
        return Arrays.asList(
                String.valueOf(line.line()), line.entry().name(), line.effectiveOn().toString(),
                line.recordedAt().toString(), line.recordedBy(), line.allocationId(), line.disbursementId(),
                line.county(), countyName(line.county()), line.purpose() == null ? null : line.purpose().name(),
                line.beneficiary(), line.reference());
    }

    /** The amount cells of a line: its movement, then its balances. */
    static List<Money> amounts(Ledger.Line line) {
        return amounts(line.movement(), line.balances());
    }

    /** The amount cells of the totals row: the column sums of the movements, then the final balances. */
    static List<Money> totals(Ledger.Totals totals) {
        return amounts(totals.movements(), totals.balances());
    }

    private static List<Money> amounts(Ledger.Movement m, Ledger.Balances b) {
        List<Money> cells = new ArrayList<>(10);
        cells.addAll(List.of(m.budget(), m.allocated(), m.disbursed(), m.released(), m.clawedBack()));
        cells.addAll(List.of(b.budget(), b.allocated(), b.disbursed(), b.clawedBack(), b.remaining()));
        return cells;
    }

    private static String countyName(String code) {
        return code == null ? null : County.byCode(code).map(County::chineseName).orElse(code);
    }
}
