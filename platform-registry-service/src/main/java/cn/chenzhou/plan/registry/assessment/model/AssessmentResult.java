package cn.chenzhou.plan.registry.assessment.model;

/** A county's result in the national S&T progress assessment (国家科技进步考核) of a year. */
public enum AssessmentResult {
    /** 未通过. */
    FAILED,
    /** 通过: counts toward T1. */
    PASSED,
    /** 先进: passed in the advanced ranks; counts toward T1 and T2. */
    ADVANCED
}
