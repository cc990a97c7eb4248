package cn.chenzhou.plan.reporting.scorecard;

import static cn.chenzhou.plan.reporting.testing.ChenzhouHistory.ANREN;
import static cn.chenzhou.plan.reporting.testing.ChenzhouHistory.BEIHU;
import static cn.chenzhou.plan.reporting.testing.ChenzhouHistory.GUIDONG;
import static cn.chenzhou.plan.reporting.testing.ChenzhouHistory.GUIYANG;
import static cn.chenzhou.plan.reporting.testing.ChenzhouHistory.JIAHE;
import static cn.chenzhou.plan.reporting.testing.ChenzhouHistory.LINWU;
import static cn.chenzhou.plan.reporting.testing.ChenzhouHistory.SUXIAN;
import static cn.chenzhou.plan.reporting.testing.ChenzhouHistory.YONGXING;
import static cn.chenzhou.plan.reporting.testing.ChenzhouHistory.ZIXING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.reporting.facts.FactsReadModel;
import cn.chenzhou.plan.reporting.testing.ChenzhouHistory;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Given three years of the plan told as events on the real broker (see {@link ChenzhouHistory}), the scorecard shows, for
 * every target, city-wide and county by county, the figures and statuses worked out by hand below — at the plan's end
 * and as of 30 June 2013 (pace 547/1096 ≈ 0.4991; at risk below half the pace). Feeding the history again, duplicating
 * events and rebuilding from the topics change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reporting.today=2014-12-31")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class ScorecardFromEventsTest {
    private static final String PREFIX = "it-scorecard";
    private static final String END = "2014-12-31";
    private static final String MID = "2013-06-30";

    /** Watches the alert topic from before the service starts, so its very first evaluation is seen too. */
    private static EventProbe alerts;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting_scorecard_test");
        EventFeed.register(registry, PREFIX);
        alerts = new EventProbe(Topics.ALERTS);
    }

    @LocalServerPort
    int port;

    @Autowired
    FactsReadModel facts;

    private EventFeed feed;

    @BeforeAll
    void theHistoryIsTold() {
        feed = new EventFeed(PREFIX);
        new ChenzhouHistory(feed).tell();
        awaitApplied();
    }

    @AfterAll
    void close() {
        feed.close();
        alerts.close();
    }

    private void awaitApplied() {
        Map<String, Long> last = feed.lastSequences();
        await().atMost(Duration.ofSeconds(60)).until(() -> facts.read(b ->
                last.entrySet().stream().allMatch(e -> b.sequenceOf(e.getKey()) >= e.getValue())));
    }

    private Http http() {
        return Http.local(port);
    }

    private JsonNode scorecard(String asOf) {
        var r = http().get("/api/reports/scorecard?asOf=" + asOf, TestTokens.viewer());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode target(JsonNode scorecard, String id) {
        for (JsonNode t : scorecard.get("targets")) {
            if (t.get("id").asString().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no target " + id);
    }

    /** Expects the city line: "value STATUS". */
    private static void city(JsonNode scorecard, String id, String expected) {
        JsonNode t = target(scorecard, id);
        assertThat(t.get("value").asString() + " " + t.get("status").asString()).as(id + " city-wide").isEqualTo(expected);
    }

    /** Expects every county's line ("value STATUS"): those named, and {@code others} for the rest. */
    private static void counties(JsonNode scorecard, String id, String others, String... named) {
        Map<String, String> expected = new HashMap<>();
        County.codes().forEach(c -> expected.put(c, others));
        for (String n : named) {
            expected.put(n.substring(0, 6), n.substring(7));
        }
        for (JsonNode line : target(scorecard, id).get("counties")) {
            String status = line.has("status") ? line.get("status").asString() : "";
            assertThat((line.get("value").asString() + " " + status).trim()).as(id + " in " + line.get("county").asString())
                    .isEqualTo(expected.get(line.get("county").asString()));
        }
    }

    @Test
    void atThePlansEndEveryTargetShowsTheHandWorkedFiguresCityWide() {
        JsonNode s = scorecard(END);
        city(s, "T1", "11/11 ACHIEVED");
        city(s, "T2", "4 ACHIEVED");
        city(s, "T3", "3 AT_RISK");
        city(s, "T4", "4 ACHIEVED");
        city(s, "T5", "2 AT_RISK");
        city(s, "T6", "6 ACHIEVED");
        city(s, "T7", "1/11 AT_RISK");
        city(s, "T8a", "3 AT_RISK");
        city(s, "T8b", "2 AT_RISK");
        city(s, "T8c", "5/11 AT_RISK");
        city(s, "T9", "2/11 AT_RISK");
        city(s, "T10", "2/11 AT_RISK");
        city(s, "T11", "1/11 AT_RISK");
        city(s, "T12", "5 AT_RISK");
        city(s, "T13", "3 ACHIEVED");
        city(s, "T14a", "6 AT_RISK");
        city(s, "T14b", "3/11 AT_RISK");
        city(s, "F1", "¥78,345,678.91 AT_RISK");
        city(s, "F2", "3/3 ACHIEVED");
        city(s, "F3", "2/11 AT_RISK");
        assertThat(target(s, "T9").get("detail").asString()).isEqualTo("7 without data");
        assertThat(target(s, "F1").get("goal").asString()).isEqualTo("≥ ¥150,000,000.00");
    }

    @Test
    void atThePlansEndEachCountyIsJudgedOnItsOwnFigures() {
        JsonNode s = scorecard(END);
        counties(s, "T1", "1 ACHIEVED");
        counties(s, "T7", "— NO_DATA", BEIHU + " 75.00% AT_RISK", YONGXING + " 100.00% ACHIEVED", ZIXING + " 0.00% AT_RISK");
        counties(s, "T8c", "0 AT_RISK", BEIHU + " 1 ACHIEVED", YONGXING + " 1 ACHIEVED", ZIXING + " 1 ACHIEVED",
                LINWU + " 1 ACHIEVED", JIAHE + " 1 ACHIEVED");
        counties(s, "T9", "— NO_DATA", YONGXING + " 1.38% ACHIEVED", BEIHU + " 1.50% ACHIEVED", ZIXING + " 1.00% AT_RISK",
                LINWU + " 1.00% AT_RISK");
        counties(s, "T10", "— NO_DATA", YONGXING + " 80.00% ACHIEVED", BEIHU + " 75.00% ACHIEVED", ZIXING + " 55.00% AT_RISK");
        counties(s, "T11", "0 AT_RISK", YONGXING + " 3 ACHIEVED", BEIHU + " 1 AT_RISK", SUXIAN + " 1 AT_RISK");
        counties(s, "T14b", "0 AT_RISK", BEIHU + " 1 ACHIEVED", ZIXING + " 1 ACHIEVED", YONGXING + " 1 ACHIEVED");
        counties(s, "F3", "— NO_DATA", BEIHU + " 2/2 ACHIEVED", ZIXING + " 1/1 ON_TRACK", YONGXING + " 0/1 AT_RISK");
        // city-wide targets show each county's contribution, not judged per county
        counties(s, "T8a", "0", BEIHU + " 1", YONGXING + " 1", JIAHE + " 1");
        counties(s, "F1", "¥0.00", YONGXING + " ¥12,345,678.90", ZIXING + " ¥18,000,000.00", BEIHU + " ¥8,000,000.01");
        assertThat(target(s, "T9").get("counties").get(4).get("detail").asString()).as("Yongxing's T9 rests on 2013").isEqualTo("2013");
    }

    @Test
    void asOfTheMiddleOfThePlanTheScorecardShowsThatDaysFigures() {
        JsonNode s = scorecard(MID);
        assertThat(target(s, "T8a").get("pace").decimalValue()).isEqualByComparingTo("0.499088");
        city(s, "T1", "9/11 ON_TRACK");
        city(s, "T2", "2 ON_TRACK");
        city(s, "T3", "2 ON_TRACK");
        city(s, "T4", "2 ON_TRACK");
        city(s, "T5", "1 BEHIND");
        city(s, "T6", "4 ON_TRACK");
        city(s, "T7", "1/11 AT_RISK");
        city(s, "T8a", "3 BEHIND");
        city(s, "T8b", "2 AT_RISK");
        city(s, "T8c", "5/11 BEHIND");
        city(s, "T9", "1/11 AT_RISK");
        city(s, "T10", "1/11 AT_RISK");
        city(s, "T11", "0/11 AT_RISK");
        city(s, "T12", "3 AT_RISK");
        city(s, "T13", "2 ACHIEVED");
        city(s, "T14a", "3 AT_RISK");
        city(s, "T14b", "1/11 AT_RISK");
        city(s, "F1", "¥62,345,678.90 BEHIND");
        city(s, "F2", "1/3 BEHIND");
        city(s, "F3", "— NO_DATA");
        counties(s, "T1", "1 ACHIEVED", LINWU + " 0 AT_RISK", GUIDONG + " — NO_DATA");
        counties(s, "T7", "— NO_DATA", BEIHU + " 85.71% ACHIEVED", YONGXING + " 50.00% ON_TRACK", ZIXING + " 50.00% ON_TRACK");
        counties(s, "T8c", "0 AT_RISK", BEIHU + " 1 ACHIEVED", YONGXING + " 1 ACHIEVED", SUXIAN + " 1 ACHIEVED",
                ZIXING + " 1 ACHIEVED", JIAHE + " 1 ACHIEVED");
        counties(s, "T9", "— NO_DATA", YONGXING + " 1.36% ACHIEVED", BEIHU + " 1.00% ON_TRACK", ZIXING + " 1.00% ON_TRACK");
        counties(s, "T10", "— NO_DATA", YONGXING + " 75.00% ACHIEVED", BEIHU + " 60.00% ON_TRACK", ZIXING + " 50.00% ON_TRACK");
        counties(s, "T11", "0 AT_RISK", YONGXING + " 2 ON_TRACK", BEIHU + " 2 ON_TRACK", SUXIAN + " 1 BEHIND");
        counties(s, "T14b", "0 AT_RISK", BEIHU + " 1 ACHIEVED");
        counties(s, "F3", "— NO_DATA");
        assertThat(target(s, "F2").get("detail").asString()).isEqualTo("2013 below the figure");
    }

    @Test
    void fundingProgressAndTheSpecialFundAreExactToTheFen() {
        JsonNode f = http().get("/api/reports/funding?asOf=" + END, TestTokens.finance()).json();
        assertThat(f.get("secured").get("net").asString()).isEqualTo("78345678.91");
        assertThat(f.get("secured").get("reversed").asString()).isEqualTo("2000000.00");
        assertThat(f.get("secured").get("goal").asString()).isEqualTo("150000000.00");
        assertThat(f.get("secured").get("byLevel").get("NATIONAL").asString()).isEqualTo("48000000.00");
        assertThat(f.get("secured").get("byLevel").get("PROVINCIAL").asString()).isEqualTo("30345678.91");
        assertThat(f.get("secured").get("byScope").get(County.CITY_CODE).asString()).isEqualTo("40000000.00");
        // 2012: 700,000 paid out under alloc-2 was clawed back when it was revoked; it still counts against the budget
        List<String> years = List.of("2012 2000000.00 800000.00 500000.00 500000.00",
                "2013 2000000.00 1200000.00 1200000.00 800000.00",
                "2014 2500000.00 300000.00 0.00 2200000.00");
        for (int i = 0; i < 3; i++) {
            JsonNode y = f.get("specialFund").get(i);
            assertThat(y.get("year").asInt() + " " + y.get("budget").asString() + " " + y.get("allocated").asString() + " "
                    + y.get("disbursed").asString() + " " + y.get("left").asString()).isEqualTo(years.get(i));
        }
        JsonNode mid = http().get("/api/reports/funding?asOf=" + MID, TestTokens.finance()).json();
        assertThat(mid.get("specialFund").get(1).get("budget").asString()).as("before the 2013 revision").isEqualTo("1500000.00");
        assertThat(mid.get("specialFund").get(2).has("budget")).as("2014 not opened yet").isFalse();
    }

    @Test
    void theCountyAssessmentRanksCountiesByTheirWeightedScore() {
        JsonNode a = http().get("/api/reports/assessment?asOf=" + END, TestTokens.admin()).json().get("counties");
        assertThat(a.size()).isEqualTo(11);
        List<String> top = List.of("1 " + BEIHU + " 91.57", "2 " + YONGXING + " 85.00", "3 " + ZIXING + " 68.32",
                "4 " + LINWU + " 36.54", "5 " + JIAHE + " 25.00", "6 " + SUXIAN + " 18.33", "7 " + GUIYANG + " 15.00");
        for (int i = 0; i < top.size(); i++) {
            JsonNode c = a.get(i);
            assertThat(c.get("rank").asInt() + " " + c.get("county").asString() + " " + c.get("score").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                    .isEqualTo(top.get(i));
        }
        assertThat(a.get(10).get("rank").asInt()).as("five counties share rank 7").isEqualTo(7);
        JsonNode own = http().get("/api/reports/assessment?asOf=" + END, TestTokens.county(ANREN)).json().get("counties");
        assertThat(own.size()).as("a county portal sees its own line").isEqualTo(1);
        assertThat(own.get(0).get("county").asString()).isEqualTo(ANREN);
    }

    @Test
    void theSameHistoryFedTwiceAndWithDuplicatesGivesTheSameScorecard() {
        String endBefore = http().get("/api/reports/scorecard?asOf=" + END, TestTokens.admin()).body();
        String midBefore = http().get("/api/reports/scorecard?asOf=" + MID, TestTokens.admin()).body();
        long duplicatesBefore = readModel().get("duplicates").asLong();
        List<ProducerRecord<String, byte[]>> history = feed.sent();
        history.forEach(feed::send);
        for (int i = 0; i < history.size(); i += 7) {
            feed.send(history.get(i));
        }
        long resent = history.size() + (history.size() + 6) / 7;
        await().atMost(Duration.ofSeconds(60)).until(() -> readModel().get("duplicates").asLong() >= duplicatesBefore + resent);
        assertThat(http().get("/api/reports/scorecard?asOf=" + END, TestTokens.admin()).body()).isEqualTo(endBefore);
        assertThat(http().get("/api/reports/scorecard?asOf=" + MID, TestTokens.admin()).body()).isEqualTo(midBefore);
    }

    @Test
    void aRebuildFromTheTopicsGivesTheSameScorecardAndRaisesNoAlertTwice() {
        String endBefore = http().get("/api/reports/scorecard?asOf=" + END, TestTokens.admin()).body();
        String midBefore = http().get("/api/reports/scorecard?asOf=" + MID, TestTokens.admin()).body();
        List<ConsumerRecord<String, byte[]>> alertsBefore = alerts.drain(Duration.ofSeconds(1));
        assertThat(alertsBefore).as("the live evaluation announced T8a at risk: %s", alertsBefore.stream()
                .map(r -> r.key() + "=" + new String(r.value(), StandardCharsets.UTF_8)).toList()).anyMatch(r -> r.key().equals("chenzhou-2012-2014:T8a:431000")
                && new String(r.value(), StandardCharsets.UTF_8).contains("\"toStatus\":\"AT_RISK\""));

        assertThat(http().post("/api/reports/read-model/rebuild", TestTokens.viewer(), "").status()).isEqualTo(403);
        var started = http().post("/api/reports/read-model/rebuild", TestTokens.admin(), "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode r = http().get("/api/reports/read-model/rebuild", TestTokens.admin()).json();
            return r.get("state").asString().equals("DONE") && r.get("percent").asDouble() == 100.0;
        });
        JsonNode progress = http().get("/api/reports/read-model/rebuild", TestTokens.admin()).json();
        assertThat(progress.get("eventsRead").asLong()).isGreaterThanOrEqualTo(feed.sent().size());
        assertThat(http().get("/api/reports/scorecard?asOf=" + END, TestTokens.admin()).body()).isEqualTo(endBefore);
        assertThat(http().get("/api/reports/scorecard?asOf=" + MID, TestTokens.admin()).body()).isEqualTo(midBefore);
        assertThat(alerts.drain(Duration.ofSeconds(2))).as("no alert raised again").hasSameSizeAs(alertsBefore);
        JsonNode listed = http().get("/api/reports/alerts?scope=431000&size=200", TestTokens.viewer()).json();
        assertThat(listed.get("items")).anyMatch(a -> a.get("targetId").asString().equals("T8a")
                && a.get("toStatus").asString().equals("AT_RISK"));
    }

    @Test
    void theScorecardAndTheAssessmentExportAsExcelAndCsv() throws Exception {
        byte[] bytes = bytes("/api/reports/exports/scorecard.xlsx?asOf=" + END, TestTokens.viewer());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("目标 Target");
            assertThat(sheet.getLastRowNum()).as("city line and 11 counties for each of 20 targets").isEqualTo(20 * 12);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0).getStringCellValue().equals("F1") && row.getCell(2).getStringCellValue().equals(County.CITY_CODE)) {
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("¥78,345,678.91");
                    assertThat(row.getCell(7).getStringCellValue()).isEqualTo("有风险 AT_RISK");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        var csv = http().get("/api/reports/exports/scorecard.csv?asOf=" + END, TestTokens.county(BEIHU));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF目标 Target,");
        assertThat(csv.body().lines().count()).as("a county portal exports the city lines and its own").isEqualTo(1 + 20 * 2);
        assertThat(csv.body()).contains("T9,财政科技投入占财政支出的比重,431002,北湖区,1.50%,1.5000,≥ 1.3%,已完成 ACHIEVED,2014");
        var assessment = http().get("/api/reports/exports/assessment.csv?asOf=" + END, TestTokens.admin());
        assertThat(assessment.body().lines().skip(1).findFirst().orElseThrow()).startsWith("1,431002,北湖区,91.57,");
        byte[] assessmentXlsx = bytes("/api/reports/exports/assessment.xlsx?asOf=" + END, TestTokens.admin());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(assessmentXlsx))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("北湖区");
        }
    }

    @Test
    void aCountyPortalSeesItsOwnCountyAndNotAnothers() {
        var own = http().get("/api/reports/scorecard/counties/" + BEIHU + "?asOf=" + END, TestTokens.county(BEIHU));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("targets").get(0).get("status").asString()).isEqualTo("ACHIEVED");
        assertThat(http().get("/api/reports/scorecard/counties/" + ZIXING, TestTokens.county(BEIHU)).status()).isEqualTo(404);
        JsonNode city = http().get("/api/reports/scorecard?asOf=" + END, TestTokens.county(BEIHU)).json();
        assertThat(target(city, "T9").get("counties").size()).isEqualTo(1);
        assertThat(http().get("/api/reports/scorecard", null).status()).isEqualTo(401);
        var badDate = http().get("/api/reports/scorecard?asOf=2013-02-30", TestTokens.viewer());
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTargetsTimeSeriesRunsMonthByMonthOverThePlanPeriod() {
        JsonNode series = http().get("/api/reports/targets/T8a/series", TestTokens.viewer()).json();
        JsonNode points = series.get("points");
        assertThat(points.size()).isEqualTo(36);
        assertThat(points.get(0).get("date").asString()).isEqualTo("2012-01-31");
        assertThat(points.get(17).get("date").asString()).isEqualTo(MID);
        assertThat(points.get(17).get("value").asString() + " " + points.get(17).get("status").asString()).isEqualTo("3 BEHIND");
        assertThat(points.get(35).get("value").asString()).isEqualTo("3");
        JsonNode county = http().get("/api/reports/indicators/platforms.provincial-or-higher/series?scope=" + SUXIAN,
                TestTokens.viewer()).json().get("points");
        assertThat(county.get(8).get("value").asString()).as("Suxian's platform from September 2012").isEqualTo("1");
        assertThat(county.get(26).get("value").asString()).as("revoked in February 2014").isEqualTo("0");
    }

    private byte[] bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(http().builder(path, token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        return r.body();
    }

    private JsonNode readModel() {
        return http().get("/api/reports/read-model", TestTokens.admin()).json();
    }
}
