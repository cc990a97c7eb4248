package cn.chenzhou.plan.registry.platform.model;

/** Where a platform stands. Only an accredited platform counts toward the plan's targets (T8a–c). */
public enum PlatformStatus {
    /** 申报/登记: registered by its county, not yet accredited. */
    REGISTERED,
    /** 认定: accredited at a level; counts from the date of its latest accreditation. */
    ACCREDITED,
    /** 撤销: revoked; stops counting from the date of revocation. Final. */
    REVOKED
}
