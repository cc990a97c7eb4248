package cn.chenzhou.plan.reporting.plan.model;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.indicator.model.Indicator;
import cn.chenzhou.plan.reporting.indicator.model.Indicators;
import cn.chenzhou.plan.reporting.indicator.model.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Everything wrong with a plan definition, each problem naming its field; an empty list means it can be loaded. */
public final class PlanValidation {
    private static final Pattern PLAN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern TARGET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,15}");
    private static final int MAX_TARGETS = 100;
    private static final Map<ThresholdKind, Set<Unit>> UNITS = Map.of(
            ThresholdKind.AT_LEAST, Set.of(Unit.COUNT, Unit.MONEY),
            ThresholdKind.RANGE, Set.of(Unit.COUNT, Unit.MONEY),
            ThresholdKind.SHARE, Set.of(Unit.PERCENT),
            ThresholdKind.ALL_COUNTIES, Set.of(Unit.COUNT),
            ThresholdKind.GROWTH_FASTER_THAN, Set.of(Unit.GROWTH),
            ThresholdKind.YEARLY_AT_LEAST, Set.of(Unit.YEARLY));

    /** A field and what is wrong with it. */
    public record Issue(String field, String reason) {
    }

    private PlanValidation() {
    }

    public static List<Issue> issues(PlanDefinition plan) {
        List<Issue> issues = new ArrayList<>();
        if (plan.id() == null || !PLAN_ID.matcher(plan.id()).matches()) {
            issues.add(new Issue("id", "must be 2-64 lower-case letters, digits or hyphens, e.g. chenzhou-2015-2017"));
        }
        if (plan.name() == null || blank(plan.name().zh())) {
            issues.add(new Issue("name.zh", "the plan needs a Chinese name"));
        }
        if (plan.start() == null) {
            issues.add(new Issue("start", "is required"));
        }
        if (plan.end() == null) {
            issues.add(new Issue("end", "is required"));
        }
        if (plan.start() != null && plan.end() != null && !plan.start().isBefore(plan.end())) {
            issues.add(new Issue("end", "must be after start"));
        }
        if (plan.atRiskBelow().signum() <= 0 || plan.atRiskBelow().compareTo(BigDecimal.ONE) >= 0) {
            issues.add(new Issue("atRiskBelow", "must be between 0 and 1 (a share of the expected pace)"));
        }
        pace(plan, plan.pace(), "pace", issues);
        if (plan.targets().isEmpty()) {
            issues.add(new Issue("targets", "a plan needs at least one target"));
        }
        if (plan.targets().size() > MAX_TARGETS) {
            issues.add(new Issue("targets", "at most " + MAX_TARGETS + " targets"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < plan.targets().size(); i++) {
            TargetDefinition t = plan.targets().get(i);
            String at = "targets[" + i + "]";
            if (t == null) {
                issues.add(new Issue(at, "must not be null"));
                continue;
            }
            if (t.id() == null || !TARGET_ID.matcher(t.id()).matches()) {
                issues.add(new Issue(at + ".id", "must be 1-16 letters, digits, '-' or '_', e.g. T8a"));
            } else if (!ids.add(t.id())) {
                issues.add(new Issue(at + ".id", "target " + t.id() + " appears twice"));
            }
            target(plan, t, at, issues);
        }
        return issues;
    }

    private static void target(PlanDefinition plan, TargetDefinition t, String at, List<Issue> issues) {
        if (t.label() == null || blank(t.label().zh())) {
            issues.add(new Issue(at + ".label.zh", "the target needs a Chinese label"));
        }
        if (t.scope() == null) {
            issues.add(new Issue(at + ".scope", "must be one of CITY, COUNTY"));
        }
        if (t.kind() == null) {
            issues.add(new Issue(at + ".kind", "must be one of AT_LEAST, RANGE, SHARE, ALL_COUNTIES, GROWTH_FASTER_THAN, YEARLY_AT_LEAST"));
        }
        Indicator indicator = t.indicator() == null ? null : Indicators.byCode(t.indicator()).orElse(null);
        if (indicator == null) {
            issues.add(new Issue(at + ".indicator", "unknown indicator; known: "
                    + Indicators.all().stream().map(Indicator::code).toList()));
        }
        if (t.kind() == ThresholdKind.GROWTH_FASTER_THAN && t.figure() == null) {
            // judged year by year against the compared figure: no figure of its own
        } else if (t.figure() == null || t.figure().signum() <= 0) {
            issues.add(new Issue(at + ".figure", "must be a positive number"));
        } else if (t.figure().stripTrailingZeros().scale() > 4) {
            issues.add(new Issue(at + ".figure", "at most 4 decimals"));
        }
        if (t.kind() != null && indicator != null && !UNITS.get(t.kind()).contains(indicator.unit())) {
            issues.add(new Issue(at + ".kind", t.kind() + " cannot judge " + t.indicator() + ", which is a "
                    + indicator.unit() + " indicator; use one of " + kindsFor(indicator.unit())));
        }
        if (t.kind() != null && t.scope() != null) {
            boolean countyOnly = t.kind() == ThresholdKind.SHARE || t.kind() == ThresholdKind.ALL_COUNTIES
                    || t.kind() == ThresholdKind.GROWTH_FASTER_THAN;
            if (countyOnly && t.scope() != Scope.COUNTY) {
                issues.add(new Issue(at + ".scope", t.kind() + " is judged county by county: scope must be COUNTY"));
            }
            if (t.kind() == ThresholdKind.YEARLY_AT_LEAST && t.scope() != Scope.CITY) {
                issues.add(new Issue(at + ".scope", "YEARLY_AT_LEAST is judged for the city: scope must be CITY"));
            }
        }
        if (t.kind() == ThresholdKind.RANGE) {
            if (t.upTo() == null || (t.figure() != null && t.upTo().compareTo(t.figure()) < 0)) {
                issues.add(new Issue(at + ".upTo", "a RANGE needs upTo, at least the figure"));
            }
        } else if (t.upTo() != null) {
            issues.add(new Issue(at + ".upTo", "only a RANGE has upTo"));
        }
        if (t.kind() == ThresholdKind.SHARE && t.figure() != null && t.figure().compareTo(BigDecimal.valueOf(100)) > 0) {
            issues.add(new Issue(at + ".figure", "a share is a percentage, at most 100"));
        }
        if (indicator != null && indicator.unit() == Unit.MONEY && t.figure() != null
                && t.figure().stripTrailingZeros().scale() > 2) {
            issues.add(new Issue(at + ".figure", "money is yuan with at most two decimals"));
        }
        if (t.countiesRequired() != null) {
            if (t.scope() != Scope.COUNTY) {
                issues.add(new Issue(at + ".countiesRequired", "only a per-county target has countiesRequired"));
            } else if (t.countiesRequired() < 1 || t.countiesRequired() > County.values().length) {
                issues.add(new Issue(at + ".countiesRequired", "must be between 1 and " + County.values().length));
            }
        }
        if (t.weight() < 0 || t.weight() > 100) {
            issues.add(new Issue(at + ".weight", "must be between 0 and 100"));
        } else if (t.weight() > 0 && t.scope() == Scope.CITY) {
            issues.add(new Issue(at + ".weight", "only per-county targets weigh in the county assessment"));
        }
        pace(plan, t.pace(), at + ".pace", issues);
    }

    private static void pace(PlanDefinition plan, List<PaceMilestone> pace, String at, List<Issue> issues) {
        for (int i = 0; i < pace.size(); i++) {
            PaceMilestone m = pace.get(i);
            String field = at + "[" + i + "]";
            if (m == null || m.on() == null || m.share() == null) {
                issues.add(new Issue(field, "a milestone needs a date (on) and a share"));
                continue;
            }
            if (plan.start() != null && plan.end() != null && (m.on().isBefore(plan.start()) || !m.on().isBefore(plan.end()))) {
                issues.add(new Issue(field + ".on", "must fall inside the plan period, before its end"));
            }
            if (m.share().signum() <= 0 || m.share().compareTo(BigDecimal.ONE) >= 0) {
                issues.add(new Issue(field + ".share", "must be between 0 and 1"));
            }
            if (i > 0) {
                PaceMilestone prev = pace.get(i - 1);
                if (prev != null && prev.on() != null && prev.share() != null
                        && (!m.on().isAfter(prev.on()) || m.share().compareTo(prev.share()) < 0)) {
                    issues.add(new Issue(field, "milestones must be in date order with shares that do not fall"));
                }
            }
        }
    }

    private static List<ThresholdKind> kindsFor(Unit unit) {
        return UNITS.entrySet().stream().filter(e -> e.getValue().contains(unit)).map(Map.Entry::getKey).sorted().toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
