package cn.chenzhou.plan.reporting.plan.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An action plan (三年行动计划) as data: its period, its targets and how they are paced and weighed.
 *
 * @param id          stable id, e.g. {@code chenzhou-2012-2014}
 * @param name        the plan's name
 * @param document    the document that set it, e.g. 郴科发〔2012〕29号
 * @param start       first day of the period
 * @param end         last day of the period
 * @param pace        milestones of the plan's pace; empty = linear from start to end
 * @param atRiskBelow a target below this share of where its pace says it should be is at risk (default 0.5)
 * @param targets     the targets
 */
public record PlanDefinition(String id, LocalizedText name, String document, LocalDate start, LocalDate end,
                             List<PaceMilestone> pace, BigDecimal atRiskBelow, List<TargetDefinition> targets) {

    public static final BigDecimal DEFAULT_AT_RISK_BELOW = new BigDecimal("0.5");

    public PlanDefinition {
        pace = pace == null ? List.of() : List.copyOf(pace);
        targets = targets == null ? List.of() : List.copyOf(targets);
        atRiskBelow = atRiskBelow == null ? DEFAULT_AT_RISK_BELOW : atRiskBelow;
    }

    public Optional<TargetDefinition> target(String targetId) {
        return targets.stream().filter(t -> t.id().equals(targetId)).findFirst();
    }

    /** The date the "live" figures are for: today, but never past the plan's end (a finished plan stays as it ended). */
    public LocalDate liveDate(LocalDate today) {
        return today.isAfter(end) ? end : today;
    }

    public boolean isOver(LocalDate asOf) {
        return !asOf.isBefore(end);
    }

    /**
     * Share of the figure (0..1) a target should have reached on {@code asOf}: linear over the period (counted in days,
     * the day itself included), or through the milestones of the target or else of the plan.
     */
    public BigDecimal paceAt(TargetDefinition target, LocalDate asOf) {
        if (asOf.isBefore(start)) {
            return BigDecimal.ZERO;
        }
        if (!asOf.isBefore(end)) {
            return BigDecimal.ONE;
        }
        List<PaceMilestone> milestones = !target.pace().isEmpty() ? target.pace() : pace;
        List<PaceMilestone> points = new ArrayList<>();
        points.add(new PaceMilestone(start.minusDays(1), BigDecimal.ZERO));
        points.addAll(milestones);
        points.add(new PaceMilestone(end, BigDecimal.ONE));
        for (int i = 1; i < points.size(); i++) {
            PaceMilestone from = points.get(i - 1);
            PaceMilestone to = points.get(i);
            if (!asOf.isAfter(to.on())) {
                long span = ChronoUnit.DAYS.between(from.on(), to.on());
                long done = ChronoUnit.DAYS.between(from.on(), asOf);
                BigDecimal part = span == 0 ? BigDecimal.ONE
                        : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(span), MathContext.DECIMAL64);
                return from.share().add(to.share().subtract(from.share()).multiply(part))
                        .setScale(6, RoundingMode.HALF_UP);
            }
        }
        return BigDecimal.ONE;
    }
}
