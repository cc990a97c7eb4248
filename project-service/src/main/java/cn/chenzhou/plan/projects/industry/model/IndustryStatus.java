package cn.chenzhou.plan.projects.industry.model;

/** Whether a characteristic industry counts toward T13. */
public enum IndustryStatus {
    /** Registered by the county as being cultivated; does not count yet. */
    REGISTERED,
    /** Recognised by the plan office as cultivated through S&T: counts from the recognition date. */
    RECOGNISED,
    /** Recognition revoked: stops counting from the revocation date; it may be recognised again. */
    RECOGNITION_REVOKED
}
