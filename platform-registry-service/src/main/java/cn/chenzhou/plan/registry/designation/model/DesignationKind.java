package cn.chenzhou.plan.registry.designation.model;

/** What a designation makes its holder, and the plan target it counts toward. */
public enum DesignationKind {
    /** 可持续发展实验区 / 示范区 (T3). */
    SUSTAINABLE_DEVELOPMENT_ZONE("可持续发展实验区（示范区）", false),
    /** 科技园区（基地） (T4). */
    SCIENCE_PARK("科技园区（基地）", false),
    /** 科技成果示范县 (T5): the holder is the county. */
    ACHIEVEMENT_DEMONSTRATION_COUNTY("科技成果示范县", false),
    /** 特色产业基地 (T6). */
    CHARACTERISTIC_INDUSTRY_BASE("特色产业基地", false),
    /** 高新技术企业 (T11): the holder is an enterprise, identified by its credit code. */
    HIGH_TECH_ENTERPRISE("高新技术企业", true),
    /** 知识产权试点县 (示范县): the holder is the county. */
    IP_PILOT_COUNTY("知识产权试点县", false),
    /** 十城万盏 半导体照明示范单位 (T14). */
    LIGHTING_DEMONSTRATION_UNIT("半导体照明示范单位", false),
    /** 十城万盏 半导体照明示范带 / 示范区 (T14): one per county. */
    LIGHTING_DEMONSTRATION_ZONE("半导体照明示范区（示范带）", false);

    private final String chineseName;
    private final boolean holderNeedsCreditCode;

    DesignationKind(String chineseName, boolean holderNeedsCreditCode) {
        this.chineseName = chineseName;
        this.holderNeedsCreditCode = holderNeedsCreditCode;
    }

    public String chineseName() {
        return chineseName;
    }

    /** True where the holder is always an organisation with a unified social credit code. */
    public boolean holderNeedsCreditCode() {
        return holderNeedsCreditCode;
    }
}
