package cn.chenzhou.plan.registry.model;

/**
 * The level of a platform or a designation: 国家级 / 省级 / 市级. "Provincial-or-higher" includes national,
 * "municipal-or-higher" includes both; reporting decides what counts where.
 */
public enum Level {
    NATIONAL("国家级"),
    PROVINCIAL("省级"),
    MUNICIPAL("市级");

    private final String chineseName;

    Level(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
