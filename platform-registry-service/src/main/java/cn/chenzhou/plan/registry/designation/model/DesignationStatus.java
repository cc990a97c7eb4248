package cn.chenzhou.plan.registry.designation.model;

/** Where a designation stands. Only a granted designation counts. */
public enum DesignationStatus {
    /** 申报: applied for by the county. */
    APPLIED,
    /** 批准/授牌: granted; counts from its grant date. */
    GRANTED,
    /** 撤销: revoked (or, if never granted, the application closed); final. */
    REVOKED
}
