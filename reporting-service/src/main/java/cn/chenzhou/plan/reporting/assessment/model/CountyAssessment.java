package cn.chenzhou.plan.reporting.assessment.model;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.reporting.scorecard.model.Reading;
import cn.chenzhou.plan.reporting.scorecard.model.Scorecard;
import cn.chenzhou.plan.reporting.scorecard.model.Status;
import cn.chenzhou.plan.reporting.scorecard.model.TargetResult;
import cn.chenzhou.plan.reporting.plan.model.ThresholdKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The county performance assessment (县市区科技工作绩效考核): each county scored 0–100 from the per-county targets,
 * weighted as the plan says, and ranked.
 *
 * <p>A target scores the share of its figure the county has reached (capped at 100 %); the growth target scores 100
 * while every year compared outgrew revenue, and 0 once a year did not (missed for good). A county with no data on a target scores 0 there, and the line says "no data".
 */
public final class CountyAssessment {
    private CountyAssessment() {
    }

    /** One county's score: its rank (ties share a rank), score, and the points of each weighed target. */
    public record CountyScore(int rank, String county, BigDecimal score, List<TargetScore> targets) {
    }

    /** @param points 0..100 for this target, before weighting */
    public record TargetScore(String targetId, int weight, Status status, String value, BigDecimal points) {
    }

    public static List<CountyScore> rank(Scorecard scorecard) {
        List<TargetResult> weighed = scorecard.targets().stream()
                .filter(t -> t.target().perCounty() && t.target().weight() > 0).toList();
        int totalWeight = weighed.stream().mapToInt(t -> t.target().weight()).sum();
        List<CountyScore> scores = new ArrayList<>();
        for (County c : County.values()) {
            List<TargetScore> lines = new ArrayList<>();
            BigDecimal weighted = BigDecimal.ZERO;
            for (TargetResult t : weighed) {
                Reading r = t.counties().get(c.code());
                BigDecimal points = points(t, r);
                lines.add(new TargetScore(t.target().id(), t.target().weight(), r.status(), r.value(), points));
                weighted = weighted.add(points.multiply(BigDecimal.valueOf(t.target().weight())));
            }
            BigDecimal score = totalWeight == 0 ? BigDecimal.ZERO
                    : weighted.divide(BigDecimal.valueOf(totalWeight), 2, RoundingMode.HALF_UP);
            scores.add(new CountyScore(0, c.code(), score, lines));
        }
        scores.sort(Comparator.comparing(CountyScore::score).reversed().thenComparing(CountyScore::county));
        List<CountyScore> ranked = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            CountyScore s = scores.get(i);
            int rank = i > 0 && scores.get(i - 1).score().compareTo(s.score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new CountyScore(rank, s.county(), s.score(), s.targets()));
        }
        return ranked;
    }

    static BigDecimal points(TargetResult t, Reading r) {
        if (r.status() == Status.NO_DATA || r.number() == null) {
            return BigDecimal.ZERO;
        }
        if (r.status() == Status.ACHIEVED) {
            return BigDecimal.valueOf(100).setScale(2);
        }
        if (t.target().kind() == ThresholdKind.GROWTH_FASTER_THAN) {
            // every year compared so far outgrew revenue (else it would be AT_RISK, missed for good)
            return r.status() == Status.AT_RISK ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(100).setScale(2);
        }
        BigDecimal share = r.number().divide(t.target().figure(), 6, RoundingMode.HALF_UP);
        return share.min(BigDecimal.ONE).max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
    }
}
