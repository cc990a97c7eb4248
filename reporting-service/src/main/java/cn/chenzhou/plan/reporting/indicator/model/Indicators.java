package cn.chenzhou.plan.reporting.indicator.model;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.facts.model.FactBook;
import cn.chenzhou.plan.reporting.facts.model.Facts;
import cn.chenzhou.plan.reporting.facts.model.Facts.StatisticsFiling;
import cn.chenzhou.plan.reporting.facts.model.Level;
import cn.chenzhou.plan.reporting.facts.model.Timeline;
import cn.chenzhou.plan.reporting.indicator.model.Measure.Amount;
import cn.chenzhou.plan.reporting.indicator.model.Measure.Count;
import cn.chenzhou.plan.reporting.indicator.model.Measure.NoData;
import cn.chenzhou.plan.reporting.indicator.model.Measure.Ratio;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The catalogue of indicators and how each is counted, following the plan's counting rules: a fact counts from its
 * effective date until its revocation's; provincial-or-higher includes national; only accredited platforms count;
 * shares are judged county by county on the latest complete reported year; no data is never zero.
 */
public final class Indicators {
    private static final Map<String, Indicator> ALL = new LinkedHashMap<>();

    static {
        add("assessment.passed", Unit.COUNT, "通过国家科技进步考核的县市区", "counties passing the national S&T progress assessment",
                false, (f, w) -> assessment(f, w, r -> !r.equals("FAILED")));
        add("assessment.advanced", Unit.COUNT, "进入国家科技进步考核先进行列的县市区", "counties in the assessment's advanced ranks",
                false, (f, w) -> assessment(f, w, r -> r.equals("ADVANCED")));
        add("zones.provincial-or-higher", Unit.COUNT, "省级以上可持续发展实验区、示范区", "provincial-or-higher sustainable-development zones",
                false, (f, w) -> designations(f, w, "SUSTAINABLE_DEVELOPMENT_ZONE", Level.PROVINCIAL));
        add("parks.provincial-or-higher", Unit.COUNT, "省级以上科技园区（基地）", "provincial-or-higher S&T parks / bases",
                false, (f, w) -> designations(f, w, "SCIENCE_PARK", Level.PROVINCIAL));
        add("demonstration-counties", Unit.COUNT, "科技成果示范县", "S&T achievement demonstration counties",
                false, (f, w) -> designatedCounties(f, w, "ACHIEVEMENT_DEMONSTRATION_COUNTY"));
        add("industry-bases", Unit.COUNT, "特色产业基地", "characteristic industry bases",
                false, (f, w) -> designations(f, w, "CHARACTERISTIC_INDUSTRY_BASE", Level.MUNICIPAL));
        add("enterprises.rd-institution-share", Unit.PERCENT, "较大企业建立研发或成果应用机构的比例", "larger enterprises with an R&D / application institution",
                true, Indicators::rdInstitutionShare);
        add("platforms.provincial-or-higher", Unit.COUNT, "省级以上技术创新平台", "provincial-or-higher innovation platforms",
                false, (f, w) -> platforms(f, w, l -> l.atLeast(Level.PROVINCIAL)));
        add("platforms.municipal", Unit.COUNT, "市级技术创新平台", "municipal innovation platforms",
                false, (f, w) -> platforms(f, w, l -> l == Level.MUNICIPAL));
        add("platforms.municipal-or-higher", Unit.COUNT, "市级以上技术创新平台", "municipal-or-higher innovation platforms",
                false, (f, w) -> platforms(f, w, l -> true));
        add("statistics.fiscal-st-share", Unit.PERCENT, "财政科技投入占财政支出的比重", "fiscal S&T spending / fiscal expenditure",
                true, (f, w) -> statisticsShare(f, w, StatisticsFiling::fiscalStExpenditureFen, StatisticsFiling::fiscalExpenditureFen));
        add("statistics.enterprise-rd-share", Unit.PERCENT, "企业研发经费占全社会研发经费的比重", "enterprise R&D / whole-society R&D",
                true, (f, w) -> statisticsShare(f, w, StatisticsFiling::enterpriseRdFen, StatisticsFiling::societyRdFen));
        add("high-tech-enterprises", Unit.COUNT, "高新技术企业", "certified high-tech enterprises",
                false, (f, w) -> designations(f, w, "HIGH_TECH_ENTERPRISE", Level.MUNICIPAL));
        add("achievements.transformed", Unit.COUNT, "重点科技成果转化", "key S&T achievements transformed and applied",
                false, Indicators::achievements);
        add("industries.recognised", Unit.COUNT, "依靠科技推动发展的特色产业", "S&T-driven characteristic industries",
                false, Indicators::industries);
        add("lighting.units", Unit.COUNT, "半导体照明示范单位", "semiconductor-lighting demonstration units",
                false, (f, w) -> designations(f, w, "LIGHTING_DEMONSTRATION_UNIT", Level.MUNICIPAL));
        add("lighting.zones", Unit.COUNT, "半导体照明示范带（区）", "semiconductor-lighting demonstration zones",
                false, (f, w) -> designations(f, w, "LIGHTING_DEMONSTRATION_ZONE", Level.MUNICIPAL));
        add("ip-pilot-counties", Unit.COUNT, "知识产权试点县", "IP pilot counties",
                false, (f, w) -> designatedCounties(f, w, "IP_PILOT_COUNTY"));
        add("alliances.formed", Unit.COUNT, "产业技术创新联盟", "industry technology innovation alliances",
                false, Indicators::alliances);
        add("funds.secured", Unit.MONEY, "争取国家、省科技投入资金", "national + provincial S&T funds secured",
                false, Indicators::securedFunds);
        add("special-fund.yearly-budget", Unit.YEARLY, "三年行动计划专项资金（年度）", "the special fund, per year",
                false, SpecialFundLedger::yearly);
        add("special-fund.allocated", Unit.MONEY, "专项资金已安排", "special fund allocated",
                false, SpecialFundLedger::allocated);
        add("statistics.st-vs-revenue-growth", Unit.GROWTH, "财政科技投入增幅高于经常性收入增幅", "fiscal S&T input grows faster than recurring revenue",
                true, Indicators::stGrowth);
        add("matching-funds.paid", Unit.MONEY, "县市区配套资金到位", "county matching funds paid",
                false, Indicators::matchingFunds);
        add("projects.submitted", Unit.COUNT, "申报项目", "projects submitted",
                false, (f, w) -> projects(f, w, Set.of("SUBMITTED")));
        add("projects.approved", Unit.COUNT, "立项项目", "projects approved",
                false, (f, w) -> projects(f, w, Set.of("APPROVED")));
        add("projects.accepted", Unit.COUNT, "验收项目", "projects accepted (completed)",
                false, (f, w) -> projects(f, w, Set.of("ACCEPTED")));
    }

    private Indicators() {
    }

    private static void add(String code, Unit unit, String zh, String en, boolean perCountyOnly,
                            java.util.function.BiFunction<FactBook, Window, Measures> counting) {
        ALL.put(code, new Indicator(code, unit, zh, en, perCountyOnly, counting));
    }

    public static Optional<Indicator> byCode(String code) {
        return Optional.ofNullable(ALL.get(code));
    }

    public static List<Indicator> all() {
        return List.copyOf(ALL.values());
    }

    // ---- counting helpers --------------------------------------------------------------------------------------

    /** Counts per county (and the city's own facts in the city total). */
    static Measures counted(Map<String, Long> byCounty) {
        Map<String, Measure> counties = new HashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : byCounty.entrySet()) {
            total += e.getValue();
        }
        for (County c : County.values()) {
            counties.put(c.code(), new Count(byCounty.getOrDefault(c.code(), 0L)));
        }
        return new Measures(new Count(total), counties);
    }

    static Measures amounts(Map<String, Long> fenByCounty) {
        Map<String, Measure> counties = new HashMap<>();
        long total = 0;
        for (long fen : fenByCounty.values()) {
            total = Math.addExact(total, fen);
        }
        for (County c : County.values()) {
            counties.put(c.code(), new Amount(fenByCounty.getOrDefault(c.code(), 0L)));
        }
        return new Measures(new Amount(total), counties);
    }

    /** True if the timeline is "on" at the window's date and turned on inside the window. */
    static boolean active(Timeline<Boolean> timeline, Window w) {
        Timeline.Dated<Boolean> e = timeline.at(w.asOf());
        return e != null && Boolean.TRUE.equals(e.value()) && w.counts(e.on());
    }

    private static Measures designations(FactBook f, Window w, String kind, Level atLeast) {
        Map<String, Long> n = new HashMap<>();
        for (Facts.Designation d : f.all(Facts.Designation.class)) {
            if (d.kind().equals(kind) && d.level() != null && d.level().atLeast(atLeast) && active(d.active(), w)) {
                n.merge(d.county(), 1L, Long::sum);
            }
        }
        return counted(n);
    }

    /** Counties holding a designation (a county designated twice counts once). */
    private static Measures designatedCounties(FactBook f, Window w, String kind) {
        Map<String, Long> n = new HashMap<>();
        for (Facts.Designation d : f.all(Facts.Designation.class)) {
            if (d.kind().equals(kind) && active(d.active(), w)) {
                n.put(d.county(), 1L);
            }
        }
        return counted(n);
    }

    private static Measures platforms(FactBook f, Window w, Predicate<Level> level) {
        Map<String, Long> n = new HashMap<>();
        for (Facts.Platform p : f.all(Facts.Platform.class)) {
            Timeline.Dated<Level> e = p.accreditation().at(w.asOf());
            if (e != null && e.value() != null && level.test(e.value()) && w.counts(e.on())) {
                n.merge(p.county(), 1L, Long::sum);
            }
        }
        return counted(n);
    }

    private static Measures achievements(FactBook f, Window w) {
        Map<String, Long> n = new HashMap<>();
        for (Facts.Achievement a : f.all(Facts.Achievement.class)) {
            if (active(a.active(), w)) {
                n.merge(a.county(), 1L, Long::sum);
            }
        }
        return counted(n);
    }

    private static Measures industries(FactBook f, Window w) {
        Map<String, Long> n = new HashMap<>();
        for (Facts.Industry i : f.all(Facts.Industry.class)) {
            if (active(i.recognised(), w)) {
                n.merge(i.county(), 1L, Long::sum);
            }
        }
        return counted(n);
    }

    private static Measures alliances(FactBook f, Window w) {
        Map<String, Long> n = new HashMap<>();
        for (Facts.Alliance a : f.all(Facts.Alliance.class)) {
            if (w.counts(a.formedOn())) {
                n.merge(a.county(), 1L, Long::sum);
            }
        }
        return counted(n);
    }

    private static Measures projects(FactBook f, Window w, Set<String> reached) {
        Map<String, Long> n = new HashMap<>();
        for (Facts.Project p : f.all(Facts.Project.class)) {
            boolean counts = reached.contains("SUBMITTED")
                    ? w.counts(p.submittedOn())
                    : p.status().entries().stream().anyMatch(e -> reached.contains(e.value()) && w.counts(e.on()));
            if (counts) {
                n.merge(p.county(), 1L, Long::sum);
            }
        }
        return counted(n);
    }

    /**
     * T1 / T2: each county judged by its latest assessment result effective on or before the date; a county not yet
     * assessed has no data. The city counts the counties that qualify.
     */
    private static Measures assessment(FactBook f, Window w, Predicate<String> qualifies) {
        Map<String, Timeline.Dated<String>> latest = new HashMap<>();
        Map<String, Integer> latestYear = new HashMap<>();
        for (Facts.Assessment a : f.all(Facts.Assessment.class)) {
            Timeline.Dated<String> e = a.result().at(w.asOf());
            if (e == null) {
                continue;
            }
            Timeline.Dated<String> current = latest.get(a.county());
            int year = latestYear.getOrDefault(a.county(), Integer.MIN_VALUE);
            if (current == null || e.on().isAfter(current.on()) || (e.on().equals(current.on()) && a.year() > year)) {
                latest.put(a.county(), e);
                latestYear.put(a.county(), a.year());
            }
        }
        Map<String, Measure> counties = new HashMap<>();
        long qualifying = 0;
        for (County c : County.values()) {
            Timeline.Dated<String> e = latest.get(c.code());
            if (e == null) {
                counties.put(c.code(), new NoData("not assessed yet"));
            } else {
                boolean q = qualifies.test(e.value());
                counties.put(c.code(), new Count(q ? 1 : 0));
                qualifying += q ? 1 : 0;
            }
        }
        return new Measures(new Count(qualifying), counties);
    }

    /** T7: among the larger enterprises registered as of the date, the share with an R&D or application institution. */
    private static Measures rdInstitutionShare(FactBook f, Window w) {
        Map<String, long[]> byCounty = new HashMap<>();
        for (Facts.Enterprise e : f.all(Facts.Enterprise.class)) {
            boolean registered = e.registeredOn() == null || !e.registeredOn().isAfter(w.asOf());
            if (registered && Boolean.TRUE.equals(e.larger().valueAt(w.asOf()))) {
                long[] n = byCounty.computeIfAbsent(e.county(), k -> new long[2]);
                n[1]++;
                if (Boolean.TRUE.equals(e.rdInstitution().valueAt(w.asOf()))) {
                    n[0]++;
                }
            }
        }
        return shares(byCounty, "no larger enterprise registered");
    }

    private static Measures shares(Map<String, long[]> byCounty, String noDataReason) {
        Map<String, Measure> counties = new HashMap<>();
        long num = 0;
        long den = 0;
        for (County c : County.values()) {
            long[] n = byCounty.get(c.code());
            if (n == null || n[1] == 0) {
                counties.put(c.code(), new NoData(noDataReason));
            } else {
                counties.put(c.code(), new Ratio(n[0], n[1], n.length > 2 ? (int) n[2] : null));
                num += n[0];
                den += n[1];
            }
        }
        return new Measures(den == 0 ? new NoData(noDataReason) : new Ratio(num, den, null), counties);
    }

    /**
     * The filings of each county-year as known on the date: of the filings made on or before it, the highest revision.
     * Keyed by county, then year.
     */
    static Map<String, Map<Integer, StatisticsFiling>> filings(FactBook f, LocalDate asOf) {
        Map<String, Map<Integer, StatisticsFiling>> result = new HashMap<>();
        for (Facts.CountyStatistics s : f.all(Facts.CountyStatistics.class)) {
            StatisticsFiling best = null;
            for (Timeline.Dated<StatisticsFiling> e : s.filings().entries()) {
                if (!e.on().isAfter(asOf) && (best == null || e.value().revision() >= best.revision())) {
                    best = e.value();
                }
            }
            if (best != null) {
                Map<Integer, StatisticsFiling> years = result.computeIfAbsent(s.county(), k -> new HashMap<>());
                StatisticsFiling other = years.get(s.year());
                if (other == null || best.revision() >= other.revision()) {
                    years.put(s.year(), best);
                }
            }
        }
        return result;
    }

    /** T9 / T10: each county's share on its latest complete reported year (one whose denominator is filed and positive). */
    private static Measures statisticsShare(FactBook f, Window w, Function<StatisticsFiling, Long> numerator,
                                            Function<StatisticsFiling, Long> denominator) {
        Map<String, long[]> byCounty = new HashMap<>();
        filings(f, w.asOf()).forEach((county, years) -> years.entrySet().stream()
                .filter(e -> e.getKey() <= w.asOf().getYear() && denominator.apply(e.getValue()) > 0)
                .max(Map.Entry.comparingByKey())
                .ifPresent(e -> byCounty.put(county, new long[]{numerator.apply(e.getValue()),
                        denominator.apply(e.getValue()), e.getKey()})));
        return shares(byCounty, "no statistics filed");
    }

    /**
     * F3: for each year of the plan after its first, whose statistics and the previous year's are filed, whether fiscal
     * S&T input grew faster than recurring fiscal revenue over the previous year.
     */
    private static Measures stGrowth(FactBook f, Window w) {
        Map<String, Measure> counties = new HashMap<>();
        Map<String, Map<Integer, StatisticsFiling>> filed = filings(f, w.asOf());
        int last = Math.min(w.periodEnd().getYear(), w.asOf().getYear());
        for (County c : County.values()) {
            Map<Integer, StatisticsFiling> years = filed.getOrDefault(c.code(), Map.of());
            List<Measure.YearComparison> compared = new ArrayList<>();
            for (int y = w.periodStart().getYear() + 1; y <= last; y++) {
                StatisticsFiling now = years.get(y);
                StatisticsFiling before = years.get(y - 1);
                if (now == null || before == null || before.fiscalStExpenditureFen() <= 0 || before.recurringRevenueFen() <= 0) {
                    continue;
                }
                BigDecimal stNow = BigDecimal.valueOf(now.fiscalStExpenditureFen());
                BigDecimal stBefore = BigDecimal.valueOf(before.fiscalStExpenditureFen());
                BigDecimal revNow = BigDecimal.valueOf(now.recurringRevenueFen());
                BigDecimal revBefore = BigDecimal.valueOf(before.recurringRevenueFen());
                // st(y)/st(y-1) > rev(y)/rev(y-1), compared exactly by cross-multiplying
                boolean faster = stNow.multiply(revBefore).compareTo(revNow.multiply(stBefore)) > 0;
                compared.add(new Measure.YearComparison(y, growth(stNow, stBefore), growth(revNow, revBefore), faster));
            }
            counties.put(c.code(), compared.isEmpty() ? new NoData("no two consecutive years filed") : new Measure.Growth(compared));
        }
        return new Measures(new NoData("judged county by county"), counties);
    }

    private static BigDecimal growth(BigDecimal now, BigDecimal before) {
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 2, RoundingMode.HALF_UP);
    }

    /** F1: secured national and provincial funds, net of reversals, exact in fen. */
    private static Measures securedFunds(FactBook f, Window w) {
        Map<String, Long> fen = new HashMap<>();
        Set<String> counted = new HashSet<>();
        for (Facts.SecuredFunds s : f.all(Facts.SecuredFunds.class)) {
            if (w.counts(s.securedOn())) {
                fen.merge(s.county(), s.amountFen(), Math::addExact);
                counted.add(s.id());
            }
        }
        for (Facts.FundsReversal r : f.all(Facts.FundsReversal.class)) {
            boolean reversedEntryCounts = counted.contains(r.reversedEntryId())
                    || (f.get(Facts.SecuredFunds.class, r.reversedEntryId()) == null && w.counts(r.reversedOn()));
            if (reversedEntryCounts && !r.reversedOn().isAfter(w.asOf())) {
                fen.merge(r.county(), -r.amountFen(), Math::addExact);
            }
        }
        return amounts(fen);
    }

    private static Measures matchingFunds(FactBook f, Window w) {
        Map<String, Long> fen = new HashMap<>();
        for (Facts.MatchingFunds m : f.all(Facts.MatchingFunds.class)) {
            if (m.paid() && w.counts(m.on())) {
                fen.merge(m.county(), m.amountFen(), Math::addExact);
            }
        }
        return amounts(fen);
    }
}
