package cn.chenzhou.plan.reporting.export;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.assessment.model.CountyAssessment;
import cn.chenzhou.plan.reporting.scorecard.Reports;
import cn.chenzhou.plan.reporting.scorecard.model.Reading;
import cn.chenzhou.plan.reporting.scorecard.model.Scorecard;
import cn.chenzhou.plan.reporting.scorecard.model.Status;
import cn.chenzhou.plan.reporting.scorecard.model.TargetResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scorecard and the county assessment as Excel (.xlsx) and CSV (UTF-8 with a byte-order mark, so Excel reads the
 * Chinese right). One row per target and scope; the same rows a reader may see through the API.
 */
@RestController
@RequestMapping("/api/reports/exports")
class ExportController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final List<String> SCORECARD_HEADER = List.of("目标 Target", "名称 Name", "范围代码 Scope code",
            "范围 Scope", "数值 Value", "数值（数字） Number", "目标值 Goal", "状态 Status", "说明 Detail");
    private static final List<String> ASSESSMENT_HEADER = List.of("排名 Rank", "县市区代码 County code", "县市区 County",
            "得分 Score");

    private final Reports reports;

    ExportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/scorecard.xlsx")
    ResponseEntity<byte[]> scorecardXlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                         Actor actor) {
        Scorecard s = reports.scorecard(asOf);
        return file(xlsx("计分卡 Scorecard", SCORECARD_HEADER, scorecardRows(s, actor)), XLSX, "scorecard-" + s.asOf() + ".xlsx");
    }

    @GetMapping("/scorecard.csv")
    ResponseEntity<byte[]> scorecardCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        Actor actor) {
        Scorecard s = reports.scorecard(asOf);
        return file(csv(SCORECARD_HEADER, scorecardRows(s, actor)), CSV, "scorecard-" + s.asOf() + ".csv");
    }

    @GetMapping("/assessment.xlsx")
    ResponseEntity<byte[]> assessmentXlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                          Actor actor) {
        LocalDate date = reports.dateOrLive(asOf);
        List<CountyAssessment.CountyScore> scores = reports.assessment(date);
        return file(xlsx("绩效考核 Assessment", assessmentHeader(scores), assessmentRows(scores, actor)), XLSX,
                "assessment-" + date + ".xlsx");
    }

    @GetMapping("/assessment.csv")
    ResponseEntity<byte[]> assessmentCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                         Actor actor) {
        LocalDate date = reports.dateOrLive(asOf);
        List<CountyAssessment.CountyScore> scores = reports.assessment(date);
        return file(csv(assessmentHeader(scores), assessmentRows(scores, actor)), CSV, "assessment-" + date + ".csv");
    }

    private static List<List<Object>> scorecardRows(Scorecard s, Actor actor) {
        List<List<Object>> rows = new ArrayList<>();
        for (TargetResult t : s.targets()) {
            rows.add(row(t, County.CITY_CODE, County.CITY_NAME, t.city()));
            for (Map.Entry<String, Reading> e : t.counties().entrySet()) {
                if (actor.mayRead(e.getKey())) {
                    rows.add(row(t, e.getKey(), County.ofCode(e.getKey()).chineseName(), e.getValue()));
                }
            }
        }
        return rows;
    }

    private static List<Object> row(TargetResult t, String code, String name, Reading r) {
        List<Object> row = new ArrayList<>();
        row.add(t.target().id());
        row.add(t.target().label().zh());
        row.add(code);
        row.add(name);
        row.add(r.value());
        row.add(r.number());
        row.add(t.goal());
        row.add(label(r.status()));
        row.add(r.detail());
        return row;
    }

    private static List<String> assessmentHeader(List<CountyAssessment.CountyScore> scores) {
        List<String> header = new ArrayList<>(ASSESSMENT_HEADER);
        if (!scores.isEmpty()) {
            for (CountyAssessment.TargetScore t : scores.get(0).targets()) {
                header.add(t.targetId() + " (×" + t.weight() + ")");
            }
        }
        return header;
    }

    private static List<List<Object>> assessmentRows(List<CountyAssessment.CountyScore> scores, Actor actor) {
        List<List<Object>> rows = new ArrayList<>();
        for (CountyAssessment.CountyScore s : scores) {
            if (!actor.mayRead(s.county())) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(BigDecimal.valueOf(s.rank()));
            row.add(s.county());
            row.add(County.ofCode(s.county()).chineseName());
            row.add(s.score());
            s.targets().forEach(t -> row.add(t.points()));
            rows.add(row);
        }
        return rows;
    }

    static String label(Status status) {
        if (status == null) {
            return "";
        }
        switch (status) {
            case ACHIEVED:
                return "已完成 ACHIEVED";
            case ON_TRACK:
                return "进度正常 ON_TRACK";
            case BEHIND:
                return "滞后 BEHIND";
            case AT_RISK:
                return "有风险 AT_RISK";
            default:
                return "无数据 NO_DATA";
        }
    }

    private static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(header.get(i));
                c.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof BigDecimal n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < header.size(); i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] csv(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", header.stream().map(ExportController::csvField).toList())).append("\r\n");
        for (List<Object> row : rows) {
            sb.append(String.join(",", row.stream().map(v -> csvField(v == null ? "" : v instanceof BigDecimal n
                    ? n.toPlainString() : v.toString())).toList())).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvField(String v) {
        // a leading =, +, - or @ would be a formula to a spreadsheet: quote it as text
        boolean formula = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?");
        if (formula || v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + (formula ? "'" : "") + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
