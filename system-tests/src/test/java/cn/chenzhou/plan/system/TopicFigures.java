package cn.chenzhou.plan.system;

import cn.chenzhou.plan.contracts.County;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan's figures worked out again from the topics alone, with the design's counting rules and none of reporting's
 * code: funds secured net of reversals (F1), each year's special fund (budget, allocated and disbursed, a revoked
 * allocation counting for neither), accredited provincial-or-higher and municipal platforms (T8a, T8b; the latest
 * accreditation decides the level, a revocation ends it), achievements transformed less those withdrawn (T12), and the
 * projects ever submitted per county. Money in fen. Facts count from their effective date, inside the plan's period.
 */
final class TopicFigures {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TopicFigures() {
    }

    static Map<String, Long> of(TopicSnapshot topic, LocalDate start, LocalDate asOf) {
        Map<String, Long> figures = new LinkedHashMap<>();
        Facts f = new Facts();
        for (TopicSnapshot.Event e : topic.all) {
            f.add(e.type().replaceFirst("^cn\\.chenzhou\\.plan\\.", "").replaceFirst("\\.v\\d+$", ""),
                    JSON.readTree(e.data()));
        }
        figures.put("F1 funds secured, net (fen)", f.securedNet(start, asOf));
        f.budgets.forEach((year, budget) -> {
            figures.put("special fund " + year + ": budget (fen)", budget);
            figures.put("special fund " + year + ": allocated (fen)", f.allocated(year, asOf));
            figures.put("special fund " + year + ": disbursed (fen)", f.disbursed(year, asOf));
        });
        figures.put("T8a accredited provincial-or-higher platforms", f.platforms(start, asOf, true));
        figures.put("T8b accredited municipal platforms", f.platforms(start, asOf, false));
        figures.put("T12 achievements transformed", f.achievements(start, asOf));
        for (County county : County.values()) {
            figures.put("projects submitted, " + county.code(), (long) f.submitted.getOrDefault(county.code(), Set.of()).size());
        }
        return figures;
    }

    /** What the events say, kept per kind; each event applied by its type (short name, e.g. {@code funds.secured}). */
    private static final class Facts {
        final Map<String, JsonNode> secured = new HashMap<>();
        final Map<String, JsonNode> reversals = new HashMap<>();
        final Map<Integer, Long> budgets = new TreeMap<>();
        final Map<String, JsonNode> allocations = new HashMap<>();
        final Map<String, LocalDate> revokedAllocations = new HashMap<>();
        final Map<String, JsonNode> disbursements = new HashMap<>();
        final Map<String, JsonNode> accreditations = new HashMap<>();
        final Map<String, LocalDate> revokedPlatforms = new HashMap<>();
        final Map<String, JsonNode> achievements = new HashMap<>();
        final Map<String, LocalDate> withdrawn = new HashMap<>();
        final Map<String, Set<String>> submitted = new HashMap<>();

        void add(String type, JsonNode d) {
            switch (type) {
                case "funds.secured" -> secured.put(d.get("entryId").asString(), d);
                case "funds.reversed" -> reversals.put(d.get("entryId").asString(), d);
                case "special-fund.budget-opened", "special-fund.budget-revised" ->
                        budgets.put(d.get("year").asInt(), d.get("budgetFen").asLong());
                case "special-fund.allocated" -> allocations.put(d.get("allocationId").asString(), d);
                case "special-fund.allocation-revoked" ->
                        revokedAllocations.put(d.get("allocationId").asString(), date(d, "revokedOn"));
                case "special-fund.disbursed" -> disbursements.put(d.get("disbursementId").asString(), d);
                case "platform.accredited" -> accreditations.put(d.get("platformId").asString(), d);
                case "platform.revoked" -> revokedPlatforms.put(d.get("platformId").asString(), date(d, "revokedOn"));
                case "achievement.transformation-recorded" -> achievements.put(d.get("achievementId").asString(), d);
                case "achievement.transformation-withdrawn" ->
                        withdrawn.put(d.get("achievementId").asString(), date(d, "withdrawnOn"));
                case "project.submitted" -> submitted.computeIfAbsent(d.get("county").asString(), k -> new HashSet<>())
                        .add(d.get("projectId").asString());
                default -> {
                    // not behind these figures
                }
            }
        }

        long securedNet(LocalDate start, LocalDate asOf) {
            long net = 0;
            Set<String> counted = new HashSet<>();
            for (JsonNode s : secured.values()) {
                if (within(date(s, "securedOn"), start, asOf)) {
                    net += s.get("amountFen").asLong();
                    counted.add(s.get("entryId").asString());
                }
            }
            for (JsonNode r : reversals.values()) {
                if (counted.contains(r.get("reversedEntryId").asString()) && !date(r, "reversedOn").isAfter(asOf)) {
                    net -= r.get("amountFen").asLong();
                }
            }
            return net;
        }

        long allocated(int year, LocalDate asOf) {
            return allocations.values().stream().filter(a -> a.get("year").asInt() == year)
                    .filter(a -> !date(a, "allocatedOn").isAfter(asOf) && live(a.get("allocationId").asString(), asOf))
                    .mapToLong(a -> a.get("amountFen").asLong()).sum();
        }

        long disbursed(int year, LocalDate asOf) {
            return disbursements.values().stream().filter(d -> d.get("year").asInt() == year)
                    .filter(d -> !date(d, "disbursedOn").isAfter(asOf) && live(d.get("allocationId").asString(), asOf))
                    .mapToLong(d -> d.get("amountFen").asLong()).sum();
        }

        private boolean live(String allocationId, LocalDate asOf) {
            LocalDate revoked = revokedAllocations.get(allocationId);
            return revoked == null || revoked.isAfter(asOf);
        }

        long platforms(LocalDate start, LocalDate asOf, boolean provincialOrHigher) {
            return accreditations.values().stream()
                    .filter(a -> within(date(a, "accreditedOn"), start, asOf))
                    .filter(a -> {
                        LocalDate revoked = revokedPlatforms.get(a.get("platformId").asString());
                        return revoked == null || revoked.isAfter(asOf);
                    })
                    .filter(a -> a.get("level").asString().equals("MUNICIPAL") != provincialOrHigher)
                    .count();
        }

        long achievements(LocalDate start, LocalDate asOf) {
            return achievements.values().stream()
                    .filter(a -> within(date(a, "transformedOn"), start, asOf))
                    .filter(a -> {
                        LocalDate w = withdrawn.get(a.get("achievementId").asString());
                        return w == null || w.isAfter(asOf);
                    })
                    .count();
        }

        private static boolean within(LocalDate date, LocalDate start, LocalDate asOf) {
            return !date.isBefore(start) && !date.isAfter(asOf);
        }

        private static LocalDate date(JsonNode d, String field) {
            return LocalDate.parse(d.get(field).asString());
        }
    }
}
