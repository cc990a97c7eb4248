package cn.chenzhou.plan.funding.specialfund;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.funding.FundingApiTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The finance section's ledger: the .xlsx and .csv exports open in their tools and add up to the ledger's totals. */
class LedgerExportTest extends FundingApiTest {
    private static final int YEAR = 2009;
    private static final String FUND = "/api/funding/special-fund/" + YEAR;
    /** Movement columns, then balance columns, as in the ledger's JSON. */
    private static final List<String> MOVEMENTS = List.of("budget", "allocated", "disbursed", "released", "clawedBack");
    private static final List<String> BALANCES = List.of("budget", "allocated", "disbursed", "clawedBack", "remaining");
    private static boolean booked;

    @BeforeEach
    void aYearOfBookings() {
        if (booked) {
            return;
        }
        booked = true;
        assertThat(http().post("/api/funding/special-fund", TestTokens.finance(),
                SpecialFundApiTest.open(YEAR, "1900000.00")).status()).isEqualTo(201);
        String a1 = allocate("431023", "永兴县稀贵金属再生利用有限公司", "91431023MA4L5EAY54", "350000.55");
        String a2 = allocate("431081", "=HYPERLINK(\"http://example.invalid\",\"点击\")", null, "120000.10");
        allocate("431002", "北湖区某企业", "91431023MA4L5EAY54", "99999.99");
        disburse(a1, "100000.33");
        disburse(a1, "50000.00");
        disburse(a2, "20000.05");
        assertThat(http().post(FUND + "/budget-revisions", TestTokens.finance(),
                "{\"budget\":\"1999999.99\",\"revisedOn\":\"" + YEAR + "-08-01\",\"reason\":\"追加\"}").status()).isEqualTo(201);
        assertThat(http().post(FUND + "/allocations/" + a2 + "/revocation", TestTokens.finance(),
                "{\"revokedOn\":\"" + YEAR + "-09-01\",\"reason\":\"-1 未按期实施\"}").status()).isEqualTo(201);
    }

    @Test
    void theWorkbookOpensWithPoiAndItsTotalsEqualTheLedger() throws Exception {
        JsonNode ledger = http().get(FUND + "/ledger", TestTokens.finance()).json();
        HttpResponse<byte[]> file = download("/ledger.xlsx");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "special-fund-ledger-" + YEAR + ".xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            int lines = ledger.get("lines").size();
            assertThat(lines).isEqualTo(9);
            int first = LedgerWorkbook.HEADING_ROW + 1;
            Row totals = sheet.getRow(first + lines);
            assertThat(totals.getCell(1).getStringCellValue()).isEqualTo("合计 Totals");
            assertThat(sheet.getRow(LedgerWorkbook.HEADING_ROW).getCell(LedgerColumns.FIRST_AMOUNT).getStringCellValue())
                    .isEqualTo("预算变动 Budget change");

            for (int i = 0; i < MOVEMENTS.size(); i++) {
                int column = LedgerColumns.FIRST_AMOUNT + i;
                BigDecimal expected = yuan(ledger.get("totals").get("movements").get(MOVEMENTS.get(i)));
                assertThat(yuan(totals.getCell(column))).as(MOVEMENTS.get(i) + " total").isEqualTo(expected);
                BigDecimal columnSum = BigDecimal.ZERO.setScale(2);
                for (int r = first; r < first + lines; r++) {
                    columnSum = columnSum.add(yuan(sheet.getRow(r).getCell(column)));
                }
                assertThat(columnSum).as(MOVEMENTS.get(i) + " column sum").isEqualTo(expected);
            }
            for (int i = 0; i < BALANCES.size(); i++) {
                int column = LedgerColumns.FIRST_AMOUNT + MOVEMENTS.size() + i;
                BigDecimal expected = yuan(ledger.get("totals").get("balances").get(BALANCES.get(i)));
                assertThat(yuan(totals.getCell(column))).as(BALANCES.get(i) + " balance").isEqualTo(expected);
                assertThat(yuan(sheet.getRow(first + lines - 1).getCell(column))).isEqualTo(expected);
            }
            assertThat(yuan(totals.getCell(LedgerColumns.FIRST_AMOUNT + 9))).isEqualTo(new BigDecimal("1529999.40"));

            Cell hostileName = sheet.getRow(first + 2).getCell(10);
            assertThat(hostileName.getCellType()).isEqualTo(CellType.STRING);
            assertThat(hostileName.getStringCellValue()).startsWith("=HYPERLINK");
        }
    }

    @Test
    void theCsvIsRfc4180WithTheSameTotalsAndNoFormulaInjection() throws Exception {
        JsonNode ledger = http().get(FUND + "/ledger", TestTokens.viewer()).json();
        HttpResponse<byte[]> file = download("/ledger.csv");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String text = new String(file.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("\r\n");

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        int lines = ledger.get("lines").size();
        assertThat(records).hasSize(lines + 1);
        CSVRecord totals = records.get(lines);
        assertThat(totals.get(1)).isEqualTo("合计 Totals");
        for (int i = 0; i < MOVEMENTS.size(); i++) {
            int column = LedgerColumns.FIRST_AMOUNT + i;
            String expected = ledger.get("totals").get("movements").get(MOVEMENTS.get(i)).asString();
            assertThat(totals.get(column)).isEqualTo(expected);
            BigDecimal sum = records.subList(0, lines).stream().map(r -> new BigDecimal(r.get(column)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum.toPlainString()).isEqualTo(expected);
        }
        assertThat(totals.get(LedgerColumns.FIRST_AMOUNT + 9)).isEqualTo("1529999.40");
        assertThat(records.get(2).get(10)).isEqualTo("'=HYPERLINK(\"http://example.invalid\",\"点击\")");
        assertThat(records.get(8).get(11)).isEqualTo("'-1 未按期实施");
    }

    private String allocate(String county, String name, String creditCode, String amount) {
        String beneficiary = creditCode == null
                ? "{\"name\":" + quoted(name) + "}"
                : "{\"name\":" + quoted(name) + ",\"creditCode\":\"" + creditCode + "\"}";
        Http.Response created = http().post(FUND + "/allocations", TestTokens.finance(), """
                {"purpose":"%s","beneficiary":%s,"county":"%s","amount":"%s","approvalDocument":"郴科发〔%d〕8号",
                 "allocatedOn":"%d-04-01"}""".formatted(creditCode == null ? "OUTSTANDING_TALENT" : "KEY_ENTERPRISE",
                beneficiary, county, amount, YEAR, YEAR));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void disburse(String allocationId, String amount) {
        assertThat(http().post(FUND + "/allocations/" + allocationId + "/disbursements", TestTokens.finance(),
                "{\"amount\":\"" + amount + "\",\"disbursedOn\":\"" + YEAR + "-06-01\"}").status()).isEqualTo(201);
    }

    private HttpResponse<byte[]> download(String suffix) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(http().builder(FUND + suffix, TestTokens.finance()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static BigDecimal yuan(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    private static BigDecimal yuan(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }
}
