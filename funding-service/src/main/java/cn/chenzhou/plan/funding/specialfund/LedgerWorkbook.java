package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.funding.specialfund.model.Ledger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The ledger as an Excel workbook (.xlsx), what the finance section works in: a title row, the headings, one
 * row per ledger line, and a totals row. Amounts are numeric cells in yuan with two decimals, so the sheet
 * sums and filters as usual; every text is a text cell, never a formula, whatever a beneficiary is called.
 */
final class LedgerWorkbook {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Row of the headings (0-based); the ledger lines follow it, the totals row follows them. */
    static final int HEADING_ROW = 1;

    private LedgerWorkbook() {
    }

    static byte[] write(Ledger ledger, String exportedAt) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账 Ledger " + ledger.year());
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setBorderBottom(BorderStyle.THIN);
            CellStyle totalAmount = workbook.createCellStyle();
            totalAmount.cloneStyleFrom(amount);
            totalAmount.setFont(bold);
            totalAmount.setBorderTop(BorderStyle.DOUBLE);

            sheet.createRow(0).createCell(0).setCellValue("郴州市三年行动计划专项资金台账 Special-fund ledger "
                    + ledger.year() + " · exported " + exportedAt);

            Row headings = sheet.createRow(HEADING_ROW);
            for (int c = 0; c < LedgerColumns.HEADINGS.size(); c++) {
                Cell cell = headings.createCell(c);
                cell.setCellValue(LedgerColumns.HEADINGS.get(c));
                cell.setCellStyle(heading);
                sheet.setColumnWidth(c, (c < LedgerColumns.FIRST_AMOUNT ? 18 : 16) * 256);
            }
            int r = HEADING_ROW + 1;
            for (Ledger.Line line : ledger.lines()) {
                Row row = sheet.createRow(r++);
                List<String> texts = LedgerColumns.texts(line);
                row.createCell(0).setCellValue(line.line());
                for (int c = 1; c < texts.size(); c++) {
                    if (texts.get(c) != null) {
                        row.createCell(c).setCellValue(texts.get(c));
                    }
                }
                amounts(row, LedgerColumns.amounts(line), amount);
            }
            Row totals = sheet.createRow(r);
            Cell label = totals.createCell(1);
            label.setCellValue(LedgerColumns.TOTALS_LABEL);
            label.setCellStyle(heading);
            amounts(totals, LedgerColumns.totals(ledger.totals()), totalAmount);
            sheet.createFreezePane(2, HEADING_ROW + 1);

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void amounts(Row row, List<Money> amounts, CellStyle style) {
        for (int i = 0; i < amounts.size(); i++) {
            Cell cell = row.createCell(LedgerColumns.FIRST_AMOUNT + i);
            // a double holds every cent exactly enough below ¥10^13 for Excel; the CSV carries the exact text
            cell.setCellValue(amounts.get(i).yuan().doubleValue());
            cell.setCellStyle(style);
        }
    }
}
