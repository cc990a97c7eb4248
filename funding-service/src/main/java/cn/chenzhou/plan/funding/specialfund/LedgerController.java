package cn.chenzhou.plan.funding.specialfund;

import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.funding.command.BusinessCalendar;
import cn.chenzhou.plan.funding.specialfund.model.Ledger;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The finance ledger of a year's special fund (专项资金台账), as JSON and as the Excel and CSV files the finance
 * section works in. It names every beneficiary of every county, so county portals use the allocation list instead.
 */
@RestController
@RequestMapping("/api/funding/special-fund/{year}")
@Allowed({Role.FINANCE, Role.ADMIN, Role.VIEWER})
class LedgerController {
    private final SpecialFundStore store;
    private final BusinessCalendar calendar;

    LedgerController(SpecialFundStore store, BusinessCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    @GetMapping("/ledger")
    Ledger ledger(@PathVariable int year) {
        return load(year);
    }

    @GetMapping("/ledger.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable int year) {
        Ledger ledger = load(year);
        String exportedAt = calendar.now().atZone(cn.chenzhou.plan.chassis.PlanCalendar.ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return file(LedgerWorkbook.write(ledger, exportedAt), LedgerWorkbook.CONTENT_TYPE, year, "xlsx");
    }

    @GetMapping("/ledger.csv")
    ResponseEntity<byte[]> csv(@PathVariable int year) {
        return file(LedgerCsv.write(load(year)), LedgerCsv.CONTENT_TYPE, year, "csv");
    }

    private Ledger load(int year) {
        return Ledger.of(store.findOpen(year)
                .orElseThrow(() -> ApiException.notFound("special fund", String.valueOf(year))));
    }

    private static ResponseEntity<byte[]> file(byte[] body, String contentType, int year, String extension) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("special-fund-ledger-" + year + "." + extension).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
