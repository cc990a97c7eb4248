package cn.chenzhou.plan.reporting.plan.model;

/** Which facts a target counts. */
public enum Counting {
    /** everything in force on the date, whenever it took effect */
    STOCK,
    /** only what took effect inside the plan period (e.g. certifications cultivated, funds secured over the three years) */
    IN_PERIOD
}
