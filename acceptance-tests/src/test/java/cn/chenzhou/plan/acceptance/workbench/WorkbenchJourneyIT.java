package cn.chenzhou.plan.acceptance.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The plan's work done at the workbench, in real headless Chromium on the platform started as {@code ./platform up}
 * starts it: a county's staff draft a project — refused for a bad field, corrected, submitted (and a colleague's
 * change in between is met with "someone else changed it", a reload that keeps what was typed); the plan office takes
 * it through formal and expert review to approval; finance opens a year, allocates to the last fen, is refused one
 * fen more with the amount left shown (in the plan's last year, which the dashboard shows), disburses and revokes; another county's staff cannot see the project; and the
 * dashboard shows what changed. Every page reached is checked with axe-core and photographed under target/workbench.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Browsers.class)
class WorkbenchJourneyIT {
    private static final String COUNTY = "431023";
    private static final String STAFF = "staff-" + COUNTY;
    private static final String TITLE = "含银废料清洁分离与贵金属回收技术 " + Long.toString(System.currentTimeMillis(), 36);
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private static WorkbenchPlatform platform;
    private static String projectId;
    private static final int PLAN_YEAR = 2014;

    @BeforeAll
    static void platform() throws Exception {
        Workbench.assumeChromium();
        platform = WorkbenchPlatform.get();
    }

    @Test
    @Order(1)
    void aCountysStaffDraftsAProjectIsRefusedForABadFieldCorrectsItAndSubmits() throws Exception {
        Workbench wb = new Workbench(platform, "zh-CN");
        wb.signIn(STAFF);
        wb.checkAccessibility("county staff: home");
        wb.go("/projects");
        assertThat(wb.text("h1")).isEqualTo("永兴县的项目");
        wb.checkAccessibility("county staff: projects");
        wb.clickAndAwait(wb.browser.findElement(By.cssSelector("a[href='#/projects/new']")), "/projects/new");
        wb.checkAccessibility("county staff: draft form");

        // the whole application typed with the keyboard alone, from the first field to the Enter that sends it
        wb.script("arguments[0].focus();", wb.field("draftProject", "county"));
        assertThat(wb.focused().getAttribute("name")).isEqualTo("county");
        assertThat(wb.focused().getAttribute("value")).as("a county's staff draft for their own county").isEqualTo(COUNTY);
        wb.tab();
        wb.keys(TITLE);
        wb.tab();
        wb.chooseWithArrows("COUNTY_ECONOMY");
        wb.tab();
        wb.chooseWithArrows("MUNICIPAL");
        wb.tab();
        wb.keys("永兴县鑫辉稀贵金属有限公司");
        wb.tab();
        wb.keys("91431023MA4L5EAY55"); // one character wrong: the check character should be 4
        wb.tab();
        wb.keys("800000.00");
        wb.tab();
        wb.typeDate("2012-07-01");
        wb.tab();
        wb.typeDate("2014-06-30");
        wb.tab();
        wb.keys("李明");
        wb.tab();
        wb.keys("0735-5521234");
        wb.tab();
        wb.keys("liming@example.cn");
        wb.tab();
        assertThat(wb.focused().getAttribute("name")).isEqualTo("draftedOn");
        assertThat(wb.focused().getAttribute("value")).isEqualTo(TODAY);
        wb.pressEnterToSend();

        // refused: the message is at the credit code, in Chinese, and nothing typed is lost
        assertThat(wb.errorAt("draftProject", "applicant.creditCode")).as(() -> wb.form("draftProject").getText())
                .isEqualTo("统一社会信用代码校验位不符（应为 4）");
        assertThat(wb.field("draftProject", "applicant.creditCode").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(wb.focused().getAttribute("name")).as("the focus goes to the field to correct").isEqualTo("applicant.creditCode");
        Map<String, String> kept = Map.of("title", TITLE, "programme", "COUNTY_ECONOMY", "level", "MUNICIPAL",
                "applicant.name", "永兴县鑫辉稀贵金属有限公司", "requestedAmount", "800000.00", "period.start", "2012-07-01",
                "period.end", "2014-06-30", "contact.name", "李明", "contact.phone", "0735-5521234", "contact.email", "liming@example.cn");
        kept.forEach((name, value) -> assertThat(wb.field("draftProject", name).getAttribute("value")).as(name).isEqualTo(value));
        wb.checkAccessibility("county staff: draft refused");
        wb.screenshot("county-staff-refused");

        // corrected with the keyboard, sent with Enter: the project's page opens
        wb.keys(Keys.chord(Keys.CONTROL, "a"), "91431023MA4L5EAY54");
        wb.pressEnterToSend();
        wb.wait.until(d -> d.getCurrentUrl().contains("#/projects/prj-"));
        projectId = wb.browser.getCurrentUrl().replaceAll(".*#/projects/", "");
        wb.awaitReady("/projects/" + projectId);
        assertThat(wb.text("h1")).isEqualTo(TITLE);
        assertThat(wb.text(".wb-heading .badge")).isEqualTo("草稿");

        // a colleague revises the draft meanwhile; this user's revision is then refused as stale, reloads, keeps
        // what was typed, and goes through on the new version
        wb.openAction("reviseProject");
        wb.fill("reviseProject", "contact.phone", "0735-5520000");
        Object colleague = wb.asyncScript("""
                const [id, today, done] = arguments;
                Promise.all([fetch('/workbench/session').then(r => r.json()), fetch('/api/projects/' + id).then(r => r.json())])
                  .then(([session, project]) => fetch('/api/projects/' + id, {method: 'PUT',
                    headers: {'Content-Type': 'application/json', 'Idempotency-Key': 'colleague-' + Date.now(),
                              [session.csrf.headerName]: session.csrf.token},
                    body: JSON.stringify({version: project.version, title: project.title, programme: project.programme,
                      level: project.level, applicant: project.applicant, requestedAmount: '750000.00', period: project.period,
                      contact: project.contact, revisedOn: today})}))
                  .then(r => done(r.status), e => done(String(e)));""", projectId, TODAY);
        assertThat(colleague).isEqualTo(200L);
        wb.send("reviseProject");
        assertThat(wb.form("reviseProject").getText()).contains("此项已被他人修改");
        wb.checkAccessibility("county staff: stale version");
        wb.screenshot("county-staff-stale");
        wb.clickAndAwait(wb.form("reviseProject").findElement(By.xpath(".//button[text()='重新载入']")), "/projects/" + projectId);
        assertThat(wb.field("reviseProject", "contact.phone").getAttribute("value")).as("kept across the reload").isEqualTo("0735-5520000");
        assertThat(wb.field("reviseProject", "requestedAmount").getAttribute("value")).as("the colleague's change").isEqualTo("750000.00");
        wb.sendAccepted("reviseProject");
        assertThat(wb.text(".wb-facts")).contains("0735-5520000").contains("750,000.00");

        wb.openAction("submitProject");
        wb.sendAccepted("submitProject");
        assertThat(wb.text(".wb-heading .badge")).isEqualTo("已申报");
        assertThat(wb.text(".wb-history")).contains("起草").contains("修改").contains("申报").contains(STAFF);
        wb.checkAccessibility("county staff: project submitted");
        wb.screenshot("county-staff");
        assertThat(wb.scriptErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void thePlanOfficeTakesItThroughFormalAndExpertReviewToApproval() throws Exception {
        Workbench wb = new Workbench(platform, "zh-CN");
        wb.signIn("admin");
        wb.checkAccessibility("plan office: home");
        wb.go("/review?stage=SUBMITTED");
        wb.checkAccessibility("plan office: review desk");
        wb.screenshot("plan-office");
        wb.go("/projects/" + projectId);
        assertThat(wb.browser.findElements(By.cssSelector("details[data-action]")).stream()
                .map(d -> d.getAttribute("data-action")).toList()).containsExactly("formalReview");

        wb.openAction("formalReview");
        wb.fill("formalReview", "outcome", "PASSED");
        wb.sendAccepted("formalReview");
        assertThat(wb.text(".wb-heading .badge")).isEqualTo("形式审查通过");

        wb.openAction("expertReview");
        List<WebElement> rows = wb.form("expertReview").findElements(By.cssSelector(".wb-row"));
        assertThat(rows).as("at least three experts").hasSize(3);
        String[][] experts = {{"周建国", "86.5", "技术路线可行，回收率指标先进。"}, {"陈晓燕", "82", "市场前景良好，建议加强环保措施。"},
                {"刘志强", "90", "团队基础扎实，同意立项。"}};
        for (int i = 0; i < 3; i++) {
            wb.fill("expertReview", "reviews[" + i + "].expert", experts[i][0]);
            wb.fill("expertReview", "reviews[" + i + "].score", experts[i][1]);
            wb.fill("expertReview", "reviews[" + i + "].opinion", experts[i][2]);
        }
        wb.checkAccessibility("plan office: expert review form");
        wb.sendAccepted("expertReview");
        assertThat(wb.text(".wb-heading .badge")).isEqualTo("专家评审完成");
        assertThat(wb.text("body")).contains("周建国").contains("86.17");

        wb.openAction("approveProject");
        assertThat(wb.field("approveProject", "approvedAmount").getAttribute("value")).isEqualTo("750000.00");
        wb.fill("approveProject", "approvedAmount", "600000.00");
        wb.fill("approveProject", "taskContractNo", "郴科任〔2026〕" + projectId.substring(4, 8));
        wb.sendAccepted("approveProject");
        assertThat(wb.text(".wb-heading .badge")).isEqualTo("已立项");
        assertThat(wb.text(".wb-facts")).contains("600,000.00");
        wb.checkAccessibility("plan office: approved");
        assertThat(wb.scriptErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void financeOpensAYearAllocatesToTheLastFenIsRefusedOneFenMoreDisbursesAndRevokes() throws Exception {
        Workbench wb = new Workbench(platform, "zh-CN");
        wb.signIn("finance");
        wb.go("/funding");
        wb.checkAccessibility("finance: special fund");
        @SuppressWarnings("unchecked")
        List<Long> open = (List<Long>) wb.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/funding/special-fund').then(r => r.json()).then(funds => done(funds.map(f => f.year)), e => done([String(e)]));");
        int fundYear = 2015;
        while (open.contains((long) fundYear)) {
            fundYear++;
        }
        String y = String.valueOf(fundYear);
        wb.openAction("openFund");
        wb.fill("openFund", "year", y).fill("openFund", "budget", "300000.00").fill("openFund", "openedOn", y + "-01-05");
        wb.sendAccepted("openFund");
        wb.awaitReady("/funding/" + y);
        assertThat(wb.text("[data-figure='fund.remaining']")).isEqualTo("¥300,000.00");

        wb.checkAccessibility("finance: a year opened");

        // the plan's last year (the dashboard shows the plan's years): allocate what is left of it but one fen
        String remaining = (String) wb.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/funding/special-fund/" + PLAN_YEAR + "').then(r => r.json()).then(f => done(f.remaining), e => done(String(e)));");
        BigDecimal left = new BigDecimal(remaining);
        assertThat(left).as("the demo plan leaves money in " + PLAN_YEAR).isGreaterThan(new BigDecimal("1.00"));
        wb.go("/funding/" + PLAN_YEAR);
        allocate(wb, "KEY_ENTERPRISE", "永兴县鑫辉稀贵金属有限公司", left.subtract(new BigDecimal("0.01")).toPlainString());
        assertThat(wb.browser.findElements(By.cssSelector("form[data-refused]"))).as(() -> wb.text("main")).isEmpty();
        assertThat(wb.text("#fund-remaining")).isEqualTo("¥0.01");
        String firstAllocation = wb.lastAllocationLine();
        wb.screenshot("finance");

        // two fen more than is left: refused, and the page says what is left — beside the amount and above the form
        allocate(wb, "OUTSTANDING_TALENT", "王小红", "0.02");
        assertThat(wb.errorAt("allocate", "amount")).isEqualTo("超出预算，剩余可安排 ¥0.01");
        assertThat(wb.form("allocate").findElement(By.cssSelector(".wb-summary")).getText()).contains("仅剩 ¥0.01");
        assertThat(wb.field("allocate", "beneficiary.name").getAttribute("value")).isEqualTo("王小红");
        wb.checkAccessibility("finance: over budget");
        wb.screenshot("finance-over-budget");

        // the last fen goes; one fen more is refused with nothing left
        wb.fill("allocate", "amount", "0.01");
        wb.sendAccepted("allocate");
        assertThat(wb.text("#fund-remaining")).isEqualTo("¥0.00");
        String lastFen = wb.lastAllocationLine();
        allocate(wb, "OUTSTANDING_TALENT", "王小红", "0.01");
        assertThat(wb.errorAt("allocate", "amount")).isEqualTo("超出预算，剩余可安排 ¥0.00");

        // disburse part of the first allocation
        wb.clickAndAwait(wb.browser.findElement(By.linkText(firstAllocation)), wb.hrefOf(By.linkText(firstAllocation)));
        wb.checkAccessibility("finance: allocation");
        wb.openAction("disburse");
        wb.fill("disburse", "amount", "1.00").fill("disburse", "disbursedOn", PLAN_YEAR + "-12-20")
                .fill("disburse", "voucherNo", "郴财科拨〔" + PLAN_YEAR + "〕" + firstAllocation.substring(1) + "号");
        wb.sendAccepted("disburse");
        assertThat(wb.text(".wb-heading .badge")).isEqualTo("部分拨付");
        assertThat(wb.text("[data-undisbursed]")).isEqualTo(Workbench.yuan(left.subtract(new BigDecimal("1.01"))));

        // revoke the last fen: it is free again
        wb.go("/funding/" + PLAN_YEAR);
        wb.clickAndAwait(wb.browser.findElement(By.linkText(lastFen)), wb.hrefOf(By.linkText(lastFen)));
        wb.openAction("revokeAllocation");
        wb.fill("revokeAllocation", "revokedOn", PLAN_YEAR + "-12-21").fill("revokeAllocation", "reason", "受益人放弃");
        wb.sendAccepted("revokeAllocation");
        assertThat(wb.text(".wb-heading .badge")).isEqualTo("已撤销");
        wb.go("/funding/" + PLAN_YEAR);
        assertThat(wb.text("[data-figure='fund.remaining']")).isEqualTo("¥0.01");
        assertThat(wb.text("#ledger-title + p")).contains("下载台账（Excel）");
        Object csv = wb.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('a[href$=\"ledger.csv\"]').href).then(r => done(r.status + ' ' + r.headers.get('Content-Type')), e => done(String(e)));");
        assertThat((String) csv).startsWith("200 text/csv");
        wb.checkAccessibility("finance: year after revocation");
        assertThat(wb.scriptErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void anotherCountysStaffCannotSeeTheProjectItsAddressAnswersAsIfItDidNotExist() throws Exception {
        Workbench wb = new Workbench(platform, "zh-CN");
        wb.signIn("staff-431081");
        wb.go("/projects?status=APPROVED");
        assertThat(wb.browser.findElements(By.cssSelector("a[href='#/projects/" + projectId + "']"))).as("no link").isEmpty();
        assertThat(wb.text("main")).doesNotContain(TITLE);
        wb.go("/projects/" + projectId);
        String seen = wb.text("main");
        wb.go("/projects/prj-00000000-0000-0000-0000-000000000000");
        assertThat(seen).as("the same page as for a project that does not exist").isEqualTo(wb.text("main")).contains("未找到");
        assertThat(seen).doesNotContain(TITLE);
        wb.checkAccessibility("another county: not found");
    }

    @Test
    @Order(5)
    void theDashboardShowsTheChanges() throws Exception {
        Workbench wb = new Workbench(platform, "zh-CN");
        wb.signIn("viewer");
        wb.clickAndAwait(wb.browser.findElement(By.linkText("看板")), null);
        By left = By.xpath("//table[@id='specialFund']//tr[td[1][normalize-space()='" + PLAN_YEAR + "']]/td[5]");
        wb.wait.until(d -> !d.findElements(left).isEmpty() && d.findElement(left).getText().equals("¥0.01"));
        wb.screenshot("dashboard-after-workbench");
    }

    private static void allocate(Workbench wb, String purpose, String beneficiary, String amount) {
        String year = String.valueOf(PLAN_YEAR);
        wb.openAction("allocate");
        wb.fill("allocate", "purpose", purpose).fill("allocate", "beneficiary.name", beneficiary)
                .fill("allocate", "beneficiary.creditCode", purpose.equals("KEY_ENTERPRISE") ? "91431023MA4L5EAY54" : "")
                .fill("allocate", "county", COUNTY).fill("allocate", "projectId", projectId)
                .fill("allocate", "amount", amount).fill("allocate", "approvalDocument", "郴科计〔" + year + "〕8号")
                .fill("allocate", "allocatedOn", year + "-12-15");
        wb.send("allocate");
    }
}
