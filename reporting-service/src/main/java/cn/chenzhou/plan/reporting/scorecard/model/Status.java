package cn.chenzhou.plan.reporting.scorecard.model;

/** Where a target stands against its pace. */
public enum Status {
    /** the figure is reached */
    ACHIEVED,
    /** not yet reached, but at or ahead of where the pace says it should be */
    ON_TRACK,
    /** behind the pace */
    BEHIND,
    /** far behind the pace (below the plan's at-risk share of it), or missed for good */
    AT_RISK,
    /** nothing to judge yet; never shown as zero */
    NO_DATA;

    public boolean isAlarming() {
        return this == BEHIND || this == AT_RISK;
    }
}
