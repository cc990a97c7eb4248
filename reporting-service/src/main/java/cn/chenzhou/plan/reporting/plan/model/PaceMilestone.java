package cn.chenzhou.plan.reporting.plan.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A point of a non-linear pace: by {@code on}, {@code share} (0..1) of the figure should be reached. */
public record PaceMilestone(LocalDate on, BigDecimal share) {
}
