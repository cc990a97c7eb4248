package cn.chenzhou.plan.funding.specialfund.model;

/** The three things the special fund supports (五、保障措施 3). */
public enum Purpose {
    /** 重点科技创新型企业: key S&T innovation enterprises grown under the plan. */
    KEY_ENTERPRISE,
    /** 科技创新创业杰出人才: outstanding S&T innovation and entrepreneurship talents. */
    OUTSTANDING_TALENT,
    /** 转化实施的重大科技成果: major S&T achievements transformed and applied. */
    MAJOR_ACHIEVEMENT
}
