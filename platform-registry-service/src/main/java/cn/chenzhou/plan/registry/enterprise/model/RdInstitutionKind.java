package cn.chenzhou.plan.registry.enterprise.model;

/** What kind of institution a larger enterprise keeps (T7: 技术研发创新或成果应用服务机构). */
public enum RdInstitutionKind {
    /** 技术研发创新机构: an R&D centre, laboratory or technology centre of the enterprise. */
    RD_CENTRE,
    /** 成果应用服务机构: an institution that puts achievements to use. */
    ACHIEVEMENT_APPLICATION_SERVICE
}
