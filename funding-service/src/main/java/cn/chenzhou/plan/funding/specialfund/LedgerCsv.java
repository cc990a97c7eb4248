package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.specialfund.model.Ledger;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The ledger as CSV (RFC 4180, written by Apache Commons CSV), UTF-8 with a byte-order mark so that Excel shows
 * the Chinese: the headings, one record per ledger line, then the totals record. Amounts are exact yuan text
 * ({@code 1234.50}). A text cell that a spreadsheet would run as a formula ({@code = + - @}) is prefixed with
 * {@code '} — a beneficiary's name must never become a formula on a finance officer's machine.
 */
final class LedgerCsv {
    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final String BOM = "\uFEFF";

    private LedgerCsv() {
    }

    static byte[] write(Ledger ledger) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder()
                .setHeader(LedgerColumns.HEADINGS.toArray(String[]::new)).get())) {
            for (Ledger.Line line : ledger.lines()) {
                List<String> record = new ArrayList<>();
                LedgerColumns.texts(line).forEach(t -> record.add(neutralised(t)));
                LedgerColumns.amounts(line).forEach(m -> record.add(m.toYuanString()));
                csv.printRecord(record);
            }
            List<String> totals = new ArrayList<>();
            for (int c = 0; c < LedgerColumns.FIRST_AMOUNT; c++) {
                totals.add(c == 1 ? LedgerColumns.TOTALS_LABEL : null);
            }
            LedgerColumns.totals(ledger.totals()).stream().map(Money::toYuanString).forEach(totals::add);
            csv.printRecord(totals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (BOM + text).getBytes(StandardCharsets.UTF_8);
    }

    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
