package cn.chenzhou.plan.funding.statistics.model;

import cn.chenzhou.plan.funding.command.model.Recording;
import java.time.LocalDate;

/**
 * One filing of a county-year's figures: revision 1 is the first filing, every later one a revision with its reason.
 *
 * @param reason null for the first filing
 */
public record StatisticsRevision(int revision, Figures figures, LocalDate filedOn, String reason, Recording recorded) {
}
