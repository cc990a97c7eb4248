package cn.chenzhou.plan.projects.project.model;

import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The expert review (专家评审) of a project: at least {@value #MIN_EXPERTS} experts, each once, each scoring 0–100;
 * the aggregate score is their mean, rounded half-up to two decimals.
 */
public record ExpertReview(List<Review> reviews, double aggregateScore, LocalDate reviewedOn) {
    public static final int MIN_EXPERTS = 3;

    public ExpertReview {
        reviews = List.copyOf(reviews);
        Objects.requireNonNull(reviewedOn, "reviewedOn");
    }

    /** Checks the panel's reviews and computes their aggregate score. */
    public static ExpertReview of(List<Review> reviews, LocalDate reviewedOn) {
        if (reviews.size() < MIN_EXPERTS) {
            throw new RuleViolationException("reviews", "at least " + MIN_EXPERTS + " experts must review a project, not "
                    + reviews.size());
        }
        Set<String> experts = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < reviews.size(); i++) {
            Review review = reviews.get(i);
            if (!experts.add(review.expert())) {
                throw new RuleViolationException("reviews[" + i + "].expert", review.expert() + " reviews the project twice");
            }
            if (review.score() < 0 || review.score() > 100) {
                throw new RuleViolationException("reviews[" + i + "].score", "must be between 0 and 100");
            }
            sum = sum.add(BigDecimal.valueOf(review.score()));
        }
        double mean = sum.divide(BigDecimal.valueOf(reviews.size()), 2, RoundingMode.HALF_UP).doubleValue();
        return new ExpertReview(reviews, mean, reviewedOn);
    }
}
