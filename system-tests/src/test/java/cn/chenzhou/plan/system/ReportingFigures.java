package cn.chenzhou.plan.system;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.PlatformClient;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The same figures as {@link TopicFigures}, as reporting answers them through the gateway: its funding progress, its
 * scorecard and its submitted projects per county, all as of the plan's end.
 */
final class ReportingFigures {
    /** The plan's period as reporting has it: the figures count facts effective inside it. */
    record Period(LocalDate start, LocalDate end) {
    }

    private ReportingFigures() {
    }

    static Period period(PlatformClient viewer) {
        JsonNode scorecard = viewer.get("/api/reports/scorecard");
        return new Period(LocalDate.parse(scorecard.get("periodStart").asString()),
                LocalDate.parse(scorecard.get("periodEnd").asString()));
    }

    static Map<String, Long> of(PlatformClient viewer, LocalDate asOf) {
        Map<String, Long> figures = new LinkedHashMap<>();
        JsonNode funding = viewer.get("/api/reports/funding?asOf=" + asOf);
        figures.put("F1 funds secured, net (fen)", fen(funding.path("secured").path("net")));
        for (JsonNode year : funding.path("specialFund")) {
            String y = year.path("year").asString();
            if (!year.path("budget").isNull() && !year.path("budget").isMissingNode()) {
                figures.put("special fund " + y + ": budget (fen)", fen(year.path("budget")));
            }
            figures.put("special fund " + y + ": allocated (fen)", fen(year.path("allocated")));
            figures.put("special fund " + y + ": disbursed (fen)", fen(year.path("disbursed")));
        }
        JsonNode scorecard = viewer.get("/api/reports/scorecard?asOf=" + asOf);
        for (JsonNode target : scorecard.path("targets")) {
            switch (target.path("id").asString()) {
                case "T8a" -> figures.put("T8a accredited provincial-or-higher platforms", count(target));
                case "T8b" -> figures.put("T8b accredited municipal platforms", count(target));
                case "T12" -> figures.put("T12 achievements transformed", count(target));
                default -> {
                    // not compared
                }
            }
        }
        for (JsonNode county : viewer.get("/api/reports/projects/by-county")) {
            figures.put("projects submitted, " + county.path("county").asString(), county.path("submitted").asLong());
        }
        return figures;
    }

    /** Topic's figures against reporting's, one comparison per figure. */
    static void compare(Check check, Map<String, Long> topic, Map<String, Long> reporting, String when) {
        for (Map.Entry<String, Long> e : topic.entrySet()) {
            check.compared(1);
            Long answered = reporting.get(e.getKey());
            if (!e.getValue().equals(answered)) {
                check.disagree(e.getKey() + ": the topics make it " + e.getValue() + ", reporting " + when + " answers "
                        + answered);
            }
        }
        for (String extra : List.copyOf(reporting.keySet())) {
            if (!topic.containsKey(extra) && reporting.get(extra) != 0) {
                check.compared(1);
                check.disagree(extra + ": reporting " + when + " answers " + reporting.get(extra)
                        + ", the topics hold nothing behind it");
            }
        }
    }

    private static long fen(JsonNode yuan) {
        return yuan.isNull() || yuan.isMissingNode() ? 0 : Money.parseYuan(yuan.asString()).fen();
    }

    private static long count(JsonNode target) {
        JsonNode number = target.path("number");
        return number.isNull() || number.isMissingNode() ? 0 : number.decimalValue().longValueExact();
    }
}
